#!/usr/bin/env bash
# Serving benchmark: a cached 50-item section feed (gzip accepted) served by
# `syndic serve`, by a bare net/http handler writing the same pre-compressed
# bytes with an ETag (cmd/benchserve), and by nginx serving the same file
# (gzip_static); full 200 responses and 304s to If-None-Match.
#
# Each server runs alone on core 0 (Go with GOMAXPROCS=1, one nginx worker),
# wrk on core 1. Runs alternate between the servers, ROUNDS times; the
# script prints each server's median requests/s and the ratios, and the
# same for requests per CPU-second of the server process (its user+system
# time from /proc during the run): on a machine shared with other work,
# where a run's throughput varies with what else holds core 0, the cost of
# a request in CPU time is the steadier figure.
#
#   bash cmd/benchserve/serve.sh                     # ROUNDS=15 DURATION=2s CONNS=32
#   ROUNDS=5 DURATION=10s bash cmd/benchserve/serve.sh
#
# Short runs, many rounds: load from elsewhere on the machine then falls on
# all three servers alike, and the ratios printed are the medians of each
# round's paired ratios (syndic's run against the bare and nginx runs right
# beside it).
#
# It installs wrk and nginx (Debian's wrk and nginx-light) when missing
# (run as root), and listens on 127.0.0.1:18081-18083 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-15}
DURATION=${DURATION:-2s}
CONNS=${CONNS:-32}
SERVER_CPU=${SERVER_CPU:-0}
WRK_CPU=${WRK_CPU:-1}

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
fi

work=$(mktemp -d)
chmod 755 "$work" # nginx's worker reads www/ as another user
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/syndic" ./cmd/syndic
go build -o "$work/benchserve" ./cmd/benchserve
"$work/benchserve" seed -dir "$work" -addr 127.0.0.1:18081

GOMAXPROCS=1 taskset -c "$SERVER_CPU" "$work/syndic" serve --config "$work/bench.yaml" 2>"$work/syndic.log" &
pids+=($!)
url_path=/feeds/bench.rss
for _ in $(seq 100); do curl -fso /dev/null "http://127.0.0.1:18081$url_path" && break; sleep 0.1; done

# The exact bytes and ETag syndic serves with gzip accepted.
curl -fs -H 'Accept-Encoding: gzip' -D "$work/headers" -o "$work/www/feed.rss.gz" --create-dirs "http://127.0.0.1:18081$url_path"
etag=$(grep -i '^etag:' "$work/headers" | cut -d' ' -f2- | tr -d '\r')
gzip -dc "$work/www/feed.rss.gz" >"$work/www/feed.rss"
touch -r "$work/www/feed.rss.gz" "$work/www/feed.rss"
chmod -R a+rX "$work/www"
echo "feed: $(stat -c %s "$work/www/feed.rss") bytes, $(stat -c %s "$work/www/feed.rss.gz") gzipped, ETag $etag"

# The bare handler runs in a server set up as syndic's (ReadHeaderTimeout
# 10s, which costs a few per cent of a 304); BARE_RHT=0 removes it.
GOMAXPROCS=1 taskset -c "$SERVER_CPU" "$work/benchserve" bare -file "$work/www/feed.rss.gz" -etag "$etag" \
	-read-header-timeout "${BARE_RHT:-10s}" -addr 127.0.0.1:18082 &
pids+=($!)

cat >"$work/nginx.conf" <<NGINX
daemon off;
worker_processes 1;
worker_cpu_affinity auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 10000000;
	keepalive_timeout 120s;
	types { application/rss+xml rss; }
	client_body_temp_path $work/nginx-tmp;
	server {
		listen 127.0.0.1:18083;
		root $work/www;
		gzip_static on;
		location = $url_path { try_files /feed.rss =404; }
	}
}
NGINX
taskset -c "$SERVER_CPU" nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
for port in 18082 18083; do
	for _ in $(seq 100); do curl -fso /dev/null "http://127.0.0.1:$port$url_path" && break; sleep 0.1; done
done
declare -A server_pids
server_pids[18081]=${pids[0]}
server_pids[18082]=${pids[1]}
server_pids[18083]="$(cat "$work/nginx.pid") $(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')"
nginx_etag=$(curl -fsI -H 'Accept-Encoding: gzip' "http://127.0.0.1:18083$url_path" | grep -i '^etag:' | cut -d' ' -f2- | tr -d '\r')

# Every server must give the same gzip body and a 304 to its own ETag.
for port in 18081 18082 18083; do
	tag=$etag; [ $port = 18083 ] && tag=$nginx_etag
	cmp -s <(curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$url_path") "$work/www/feed.rss.gz" ||
		{ echo "port $port serves other bytes" >&2; exit 1; }
	code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' -H "If-None-Match: $tag" "http://127.0.0.1:$port$url_path")
	[ "$code" = 304 ] || { echo "port $port answers $code to If-None-Match" >&2; exit 1; }
done

hz=$(getconf CLK_TCK)
ticks() { # CPU time of processes, in clock ticks
	local t=0 p
	for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
	echo $t
}
# rps prints requests/s and requests per server CPU-second.
rps() { # port, extra header...
	local port=$1; shift
	local procs=(${server_pids[$port]})
	local before after out
	before=$(ticks "${procs[@]}")
	out=$(taskset -c "$WRK_CPU" wrk -t1 -c"$CONNS" -d"$DURATION" -H 'Accept-Encoding: gzip' "$@" "http://127.0.0.1:$port$url_path")
	after=$(ticks "${procs[@]}")
	echo "$out" | awk -v cpu=$(( after - before )) -v hz="$hz" '
		/requests in/ {n = $1} /^Requests\/sec:/ {r = $2}
		END {printf "%s %.0f\n", r, (cpu > 0 ? n * hz / cpu : 0)}'
}
declare -A runs cpus ratios
for round in $(seq "$ROUNDS"); do
	for mode in 200 304; do
		# Rotate the order each round: no server always runs first.
		order=(syndic bare nginx syndic bare)
		for server in "${order[@]:$((round % 3)):3}"; do
			case $server in syndic) port=18081 tag=$etag ;; bare) port=18082 tag=$etag ;; nginx) port=18083 tag=$nginx_etag ;; esac
			if [ $mode = 304 ]; then r=$(rps $port -H "If-None-Match: $tag"); else r=$(rps $port); fi
			runs[$server.$mode]+="${r% *} "
			cpus[$server.$mode]+="${r#* } "
			printf 'round %d  %-3s  %-6s %10s req/s %8s req/CPU-s\n' "$round" "$mode" "$server" "${r% *}" "${r#* }"
			eval "last_$server=\"$r\""
		done
		# Paired ratios of this round, throughput and CPU.
		read -r s_r s_c <<<"$last_syndic"; read -r b_r b_c <<<"$last_bare"; read -r n_r n_c <<<"$last_nginx"
		ratios[rps.bare.$mode]+="$(awk -v a="$s_r" -v b="$b_r" 'BEGIN{if (b > 0) print 100*a/b}') "
		ratios[rps.nginx.$mode]+="$(awk -v a="$s_r" -v b="$n_r" 'BEGIN{if (b > 0) print 100*a/b}') "
		ratios[cpu.bare.$mode]+="$(awk -v a="$s_c" -v b="$b_c" 'BEGIN{if (b > 0) print 100*a/b}') "
		ratios[cpu.nginx.$mode]+="$(awk -v a="$s_c" -v b="$n_c" 'BEGIN{if (b > 0) print 100*a/b}') "
	done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
report() { # title, array name
	echo
	echo "$1, medians of $ROUNDS rounds of $DURATION, $CONNS connections, gzip accepted:"
	local -n a=$2
	for mode in 200 304; do
		s=$(echo "${a[syndic.$mode]}" | median)
		b=$(echo "${a[bare.$mode]}" | median)
		n=$(echo "${a[nginx.$mode]}" | median)
		awk -v m=$mode -v s="$s" -v b="$b" -v n="$n" 'BEGIN {
			printf "  %s: syndic %.0f, bare net/http %.0f, nginx %.0f; syndic/bare %.1f%%, syndic/nginx %.1f%%\n", m, s, b, n, 100*s/b, 100*s/n }'
	done
}
report "requests/s" runs
report "requests per CPU-second of the server" cpus
best() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -1; }
echo
echo "best round of each (the least disturbed by other work on the machine):"
for mode in 200 304; do
	s=$(echo "${runs[syndic.$mode]}" | best); b=$(echo "${runs[bare.$mode]}" | best); n=$(echo "${runs[nginx.$mode]}" | best)
	awk -v m=$mode -v s="$s" -v b="$b" -v n="$n" 'BEGIN {
		printf "  %s: syndic %.0f, bare net/http %.0f, nginx %.0f; syndic/bare %.1f%%, syndic/nginx %.1f%%\n", m, s, b, n, 100*s/b, 100*s/n }'
done
echo
echo "medians of the paired per-round ratios (syndic / other):"
for mode in 200 304; do
	printf '  %s: throughput syndic/bare %.1f%%, syndic/nginx %.1f%%; per CPU-second syndic/bare %.1f%%, syndic/nginx %.1f%%\n' "$mode" \
		"$(echo "${ratios[rps.bare.$mode]}" | median)" "$(echo "${ratios[rps.nginx.$mode]}" | median)" \
		"$(echo "${ratios[cpu.bare.$mode]}" | median)" "$(echo "${ratios[cpu.nginx.$mode]}" | median)"
done
