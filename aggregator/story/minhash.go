package story

// MinHash signatures of a report's stems: two reports agree on one of the
// numHashes minima with a probability equal to the Jaccard similarity of
// their stem sets. The signature is cut into numBands bands of bandRows
// minima; reports agreeing on a whole band are candidates (LSH), which finds
// pairs from a similarity of about (1/numBands)^(1/bandRows) ≈ 0.2 on.
const (
	numHashes = 48
	bandRows  = 2
	numBands  = numHashes / bandRows
)

// mix is splitmix64's finaliser: a cheap, well-spread hash of x.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

var seeds = func() (s [numHashes]uint64) {
	for i := range s {
		s[i] = mix(uint64(i+1) * 0x9e3779b97f4a7c15)
	}
	return s
}()

func signature(set []uint64) (sig [numHashes]uint64) {
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, x := range set {
		for i, s := range seeds {
			if h := mix(x ^ s); h < sig[i] {
				sig[i] = h
			}
		}
	}
	return sig
}

// bandKey is the LSH bucket of band b of a signature; an empty set has no
// bucket worth sharing, so its bands all get keys of their own kind.
func bandKey(b int, sig *[numHashes]uint64) uint64 {
	k := mix(uint64(b) + 1)
	for _, v := range sig[b*bandRows : (b+1)*bandRows] {
		k = mix(k ^ v)
	}
	return k
}
