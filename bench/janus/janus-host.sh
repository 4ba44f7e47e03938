#!/usr/bin/env bash
# janus-host.sh {up|down|status}: Janus's VideoRoom on a test host of its own, for the benchmarks.
#
#   up      installs Debian's janus if missing, makes the network namespace parley-janus with a veth
#           pair (host 10.213.0.1/24, namespace 10.213.0.2/24, lo up inside), writes a private
#           configuration under bench/target/janus/ (VideoRoom and the HTTP API only, ICE-lite),
#           starts janus inside the namespace, waits for http://10.213.0.2:8088/janus/info and
#           prints "pid=<pid> api=<url> log=<file>". Does nothing but print when it is already up.
#   down    stops janus and deletes the namespace (and with it the veth pair). Idempotent.
#   status  prints the same line as up and exits 0 when janus answers, exits 3 otherwise.
#
# Why a namespace: Janus gathers no candidates on loopback interfaces, and the load generator
# and Parley run on 127.0.0.1; a veth pair gives Janus an address of its own on this machine.
# Needs root (ip netns, apt-get). Environment overrides: JANUS_NS, JANUS_HOST_IP, JANUS_IP,
# JANUS_HTTP_PORT, JANUS_RTP_PORTS, JANUS_STATE_DIR.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NS="${JANUS_NS:-parley-janus}"
HOST_IF="pj-host"
NS_IF="pj-ns"
HOST_IP="${JANUS_HOST_IP:-10.213.0.1}"
JANUS_IP="${JANUS_IP:-10.213.0.2}"
HTTP_PORT="${JANUS_HTTP_PORT:-8088}"
RTP_PORTS="${JANUS_RTP_PORTS:-20000-40000}"
STATE="${JANUS_STATE_DIR:-$HERE/../target/janus}"
mkdir -p "$STATE" && STATE="$(cd "$STATE" && pwd)"
CONF="$STATE/etc"
PID_FILE="$STATE/janus.pid"
LOG_FILE="$STATE/janus.log"
API="http://$JANUS_IP:$HTTP_PORT/janus"

say() { printf '[janus-host] %s\n' "$*" >&2; }
die() { say "error: $1"; exit "${2:-1}"; }

need_root() {
  [ "$(id -u)" -eq 0 ] || die "must run as root: it makes a network namespace and a veth pair (ip netns) and may apt-get install janus" 2
}

install_janus() {
  command -v janus >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || die "janus is not installed and apt-get is not here to install it"
  say "installing Debian's janus"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends janus >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends janus >/dev/null \
      || die "apt-get install janus failed"
  fi
  command -v janus >/dev/null 2>&1 || die "janus still not on PATH after installing the package"
}

lib_dir() {
  # Where the package put plugins/ and transports/ (multiarch path on Debian).
  local d
  for d in /usr/lib/*/janus /usr/lib/janus /usr/local/lib/janus; do
    [ -d "$d/plugins" ] && { echo "$d"; return 0; }
  done
  die "no janus plugins folder under /usr/lib/*/janus"
}

# Every .so in $1 except $2, comma-separated: Janus's "disable" lists take file names.
all_but() {
  local dir="$1" keep="$2" out="" f
  for f in "$dir"/*.so; do
    [ -e "$f" ] || continue
    f="$(basename "$f")"
    [ "$f" = "$keep" ] && continue
    out="${out:+$out,}$f"
  done
  echo "$out"
}

write_config() {
  local lib; lib="$(lib_dir)"
  [ -f "$lib/plugins/libjanus_videoroom.so" ] || die "the janus package has no VideoRoom plugin in $lib/plugins"
  [ -f "$lib/transports/libjanus_http.so" ] || die "the janus package has no HTTP transport in $lib/transports"
  mkdir -p "$CONF"
  local t name
  for t in "$HERE"/*.jcfg.in; do
    name="$(basename "$t" .in)"
    sed -e "s|@CONFIG_DIR@|$CONF|g" -e "s|@LIB_DIR@|$lib|g" -e "s|@LOG_FILE@|$LOG_FILE|g" \
        -e "s|@PID_FILE@|$PID_FILE|g" -e "s|@JANUS_IP@|$JANUS_IP|g" -e "s|@HTTP_PORT@|$HTTP_PORT|g" \
        -e "s|@RTP_PORTS@|$RTP_PORTS|g" \
        -e "s|@DISABLED_PLUGINS@|$(all_but "$lib/plugins" libjanus_videoroom.so)|g" \
        -e "s|@DISABLED_TRANSPORTS@|$(all_but "$lib/transports" libjanus_http.so)|g" \
        -e "s|@DISABLED_LOGGERS@|$(all_but "$lib/loggers" none)|g" \
        -e "s|@DISABLED_EVENTS@|$(all_but "$lib/events" none)|g" \
        "$t" > "$CONF/$name"
  done
}

make_namespace() {
  ip netns list | grep -qw "^$NS" || ip netns add "$NS"
  if ! ip link show "$HOST_IF" >/dev/null 2>&1; then
    ip link add "$HOST_IF" type veth peer name "$NS_IF" netns "$NS"
  fi
  ip addr replace "$HOST_IP/24" dev "$HOST_IF"
  ip link set "$HOST_IF" up
  ip netns exec "$NS" ip addr replace "$JANUS_IP/24" dev "$NS_IF"
  ip netns exec "$NS" ip link set "$NS_IF" up
  ip netns exec "$NS" ip link set lo up
}

janus_pid() {
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid="$(tr -dc '0-9' < "$PID_FILE")"
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && grep -q janus "/proc/$pid/comm" 2>/dev/null || return 1
  echo "$pid"
}

answers() {
  curl -fsS --max-time 2 "$API/info" 2>/dev/null | grep -q '"janus" *: *"server_info"'
}

report() {
  echo "pid=$1 api=$API log=$LOG_FILE ns=$NS host_ip=$HOST_IP janus_ip=$JANUS_IP"
}

cmd_up() {
  need_root
  command -v curl >/dev/null 2>&1 || die "curl is needed to wait for the Janus API"
  local pid
  if pid="$(janus_pid)" && answers; then
    report "$pid"
    return 0
  fi
  install_janus
  write_config
  make_namespace
  if pid="$(janus_pid)"; then
    say "janus $pid does not answer; stopping it"
    kill "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$PID_FILE"
  : > "$LOG_FILE"
  say "starting janus in namespace $NS ($API)"
  ip netns exec "$NS" janus --config="$CONF/janus.jcfg" --configs-folder="$CONF" >/dev/null 2>"$STATE/janus.stderr" \
    || die "janus did not start: $(tail -n 5 "$STATE/janus.stderr" "$LOG_FILE" 2>/dev/null)"
  local i
  for i in $(seq 1 100); do
    if pid="$(janus_pid)" && answers; then
      report "$pid"
      return 0
    fi
    sleep 0.1
  done
  die "janus does not answer at $API/info after 10 s; its log ($LOG_FILE) ends with:
$(tail -n 15 "$LOG_FILE" 2>/dev/null)"
}

cmd_down() {
  need_root
  local pid i
  if pid="$(janus_pid)"; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
      [ -d "/proc/$pid" ] || break
      sleep 0.1
    done
    [ -d "/proc/$pid" ] && { say "janus $pid ignored SIGTERM for 5 s; SIGKILL"; kill -9 "$pid" 2>/dev/null || true; }
  fi
  rm -f "$PID_FILE"
  if ip netns list | grep -qw "^$NS"; then
    ip netns delete "$NS"
  fi
  # Deleting the namespace deletes the veth pair; a host end left from a failed "up" goes too.
  ip link show "$HOST_IF" >/dev/null 2>&1 && ip link delete "$HOST_IF"
  say "down"
}

cmd_status() {
  local pid
  if pid="$(janus_pid)" && answers; then
    report "$pid"
    return 0
  fi
  say "not running"
  return 3
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) echo "usage: $0 {up|down|status}" >&2; exit 64 ;;
esac
