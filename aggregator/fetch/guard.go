package fetch

import (
	"errors"
	"fmt"
	"net/netip"
	"syscall"
)

// Errors the address guard wraps, for errors.Is.
var (
	// ErrPrivateAddress: the connection would reach a loopback, private,
	// link-local, CGNAT, multicast or otherwise non-public address and
	// the request did not set AllowPrivate.
	ErrPrivateAddress = errors.New("private address refused")
	// ErrMetadataAddress: the connection would reach a cloud metadata
	// service. It is refused even with AllowPrivate.
	ErrMetadataAddress = errors.New("cloud metadata address refused")
)

// metadata are the addresses of cloud instance metadata and platform
// services: never dialled, whatever the source's policy. The whole IPv4
// link-local block is in, since every cloud puts its services there.
var metadata = prefixes(
	"169.254.0.0/16",     // link-local: AWS, GCP, Azure, OpenStack, Oracle... (169.254.169.254, 169.254.170.2)
	"100.100.100.200/32", // Alibaba Cloud
	"168.63.129.16/32",   // Azure wire server
	"192.0.0.192/32",     // Oracle Cloud (classic)
	"fd00:ec2::254/128",  // AWS IMDS over IPv6
	"fd00:ec2::23/128",   // AWS DNS over IPv6
	"fd20:ce::254/128",   // GCP metadata over IPv6
)

// nonPublic are the ranges a source reaches only with AllowPrivate, named
// for the error message. IPv4-mapped IPv6 addresses are checked as the IPv4
// address they carry; the other schemes that carry one (see embedded) are
// non-public themselves as well (the gateway or relay may sit inside).
var nonPublic = []struct {
	name string
	set  []netip.Prefix
}{
	{"unspecified", prefixes("0.0.0.0/8", "::/128")},
	{"loopback", prefixes("127.0.0.0/8", "::1/128")},
	{"private", prefixes("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")},
	{"link-local", prefixes("169.254.0.0/16", "fe80::/10")},
	{"CGNAT", prefixes("100.64.0.0/10")},
	{"multicast", prefixes("224.0.0.0/4", "ff00::/8")},
	{"reserved", prefixes("240.0.0.0/4", "192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15",
		"198.51.100.0/24", "203.0.113.0/24", "::/96" /* IPv4-compatible */, "100::/64", "2001:db8::/32",
		"fec0::/10", "2001:10::/28", "2001:20::/28")},
	{"Teredo", teredo},
	{"IPv4-translated", siit},
	{"NAT64", append(nat64, nat64Local...)},
	{"6to4", sixToFour},
}

// The IPv6 ranges that carry an IPv4 address (see embedded).
var (
	ipv4Compatible = prefixes("::/96")           // in the last 32 bits (deprecated, RFC 4291)
	siit           = prefixes("::ffff:0:0:0/96") // IPv4-translated, in the last 32 bits (RFC 2765)
	nat64          = prefixes("64:ff9b::/96")    // in the last 32 bits (RFC 6052)
	nat64Local     = prefixes("64:ff9b:1::/48")  // local-use NAT64 (RFC 8215): any RFC 6052 layout
	sixToFour      = prefixes("2002::/16")       // in bits 16-47 (RFC 3056)
	teredo         = prefixes("2001::/32")       // server in bits 32-63, client inverted in the last 32 (RFC 4380)
)

// publicForTest lets this package's tests treat one loopback address as a
// public host, so that a redirect from "the internet" to a private address
// can be tried without leaving the machine. Nothing else sets it.
var publicForTest []netip.Prefix

func prefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

func inAny(set []netip.Prefix, ip netip.Addr) bool {
	for _, p := range set {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// embedded returns the IPv4 addresses an IPv6 address may carry by a
// translation or tunnelling scheme (IPv4-mapped, IPv4-compatible, SIIT,
// NAT64 with the well-known or a local-use prefix, 6to4, Teredo). Where a
// scheme allows several layouts, every reading is returned: the guard
// refuses an address when any of them is refused.
func embedded(ip netip.Addr) []netip.Addr {
	if ip.Is4In6() {
		return []netip.Addr{ip.Unmap()}
	}
	if !ip.Is6() {
		return nil
	}
	b := ip.As16()
	v4 := func(b0, b1, b2, b3 byte) netip.Addr { return netip.AddrFrom4([4]byte{b0, b1, b2, b3}) }
	last := v4(b[12], b[13], b[14], b[15])
	switch {
	case inAny(ipv4Compatible, ip), inAny(siit, ip), inAny(nat64, ip):
		return []netip.Addr{last}
	case inAny(nat64Local, ip):
		// RFC 6052 layouts for prefixes of 48, 56, 64 and 96 bits (bits
		// 64-71 are always skipped).
		return []netip.Addr{v4(b[6], b[7], b[9], b[10]), v4(b[7], b[9], b[10], b[11]), v4(b[9], b[10], b[11], b[12]), last}
	case inAny(sixToFour, ip):
		return []netip.Addr{v4(b[2], b[3], b[4], b[5])}
	case inAny(teredo, ip):
		return []netip.Addr{v4(b[4], b[5], b[6], b[7]), v4(^b[12], ^b[13], ^b[14], ^b[15])}
	}
	return nil
}

// classify says what kind of address ip is: metadata is true for a cloud
// metadata address, class is the name of its non-public range ("" for a
// public address).
func classify(ip netip.Addr) (class string, metadataAddr bool) {
	ip = ip.WithZone("")
	if inAny(publicForTest, ip) {
		return "", false
	}
	for _, v4 := range embedded(ip) {
		if c, m := classify(v4); m {
			return c, true
		} else if ip.Is4In6() {
			return c, false
		}
		// The other schemes fall through: non-public in their own right.
	}
	if inAny(metadata, ip) {
		return "cloud metadata", true
	}
	for _, r := range nonPublic {
		if inAny(r.set, ip) {
			return r.name, false
		}
	}
	return "", false
}

// checkAddr is the guard's verdict on one address about to be dialled.
func checkAddr(ip netip.Addr, allowPrivate bool) error {
	class, meta := classify(ip)
	switch {
	case meta:
		return fmt.Errorf("%s is a %s address: %w", ip, class, ErrMetadataAddress)
	case class != "" && !allowPrivate:
		return fmt.Errorf("%s is a %s address (a source reaches one only with allow_private: true): %w", ip, class, ErrPrivateAddress)
	}
	return nil
}

// control returns the net.Dialer.Control of a transport: it runs for every
// connection, after DNS resolution and before connect, on the very address
// dialled, so redirects, every A/AAAA record and DNS rebinding all pass
// through it. extra, when set, may refuse more.
func control(allowPrivate bool, extra func(network string, addr netip.AddrPort) error) func(network, address string, c syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("dial %s: unreadable address: %w", address, ErrPrivateAddress)
		}
		if err := checkAddr(ap.Addr(), allowPrivate); err != nil {
			return err
		}
		if extra != nil {
			return extra(network, ap)
		}
		return nil
	}
}
