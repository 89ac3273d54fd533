#!/usr/bin/env bash
# Installs Dikelola on a Debian or Ubuntu server (docs/DEPLOY.md walks through it):
#   - the Debian packages it uses: chromium (PDFs) and fonts-liberation (Times New Roman's metrics);
#   - a release build of `dikelola` with its resource folder, into /opt/dikelola/bin (the previous
#     one kept in /opt/dikelola/bin.previous);
#   - the system user `dikelola`, the data folder /var/lib/dikelola (owner only), the publication
#     folder /var/lib/dikelola-publik (readable by nginx's www-data) and /var/backups/dikelola;
#   - /etc/dikelola/dikelola.env (only if absent, with a random metrics token), the systemd unit,
#     the nginx site (only if absent) and /usr/local/bin/dikelola, which runs commands as the service.
# It starts nothing the first time: create the first administrator in a terminal, then start.
#
#   sudo ./scripts/install.sh                    build here (as the user who called sudo), then install
#   sudo ./scripts/install.sh --binary DIR       install a build made elsewhere (DIR holds dikelola and
#                                                Dikelola_DikelolaCore.resources)
#   sudo ./scripts/install.sh --no-packages      skip apt-get
set -euo pipefail
called_from=$(pwd)
cd "$(dirname "$0")/.."

resources=Dikelola_DikelolaCore.resources
binary_dir=""
packages=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --binary) [[ $# -ge 2 ]] || { echo "install.sh: --binary needs the build folder (holding dikelola and $resources)" >&2; exit 2; }
                  binary_dir="$2"; shift 2
                  [[ "$binary_dir" == /* ]] || binary_dir="$called_from/$binary_dir" ;;
        --no-packages) packages=0; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

say() { printf '\n== %s\n' "$*"; }
fail() { echo "install.sh: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "run it as root: sudo $0"

prefix=/opt/dikelola
data=/var/lib/dikelola
public=/var/lib/dikelola-publik
backups=/var/backups/dikelola
conf=/etc/dikelola

if [[ $packages -eq 1 ]]; then
    say "Debian packages: chromium, fonts-liberation"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
fi

if [[ -z "$binary_dir" ]]; then
    say "Release build (7 to 15 minutes the first time)"
    # sudo resets the PATH: look where the toolchain is usually unpacked, and in the caller's PATH.
    swift_bin=$(command -v swift || true)
    if [[ -z "$swift_bin" && -n "${SUDO_USER:-}" ]]; then
        swift_bin=$(runuser -l "$SUDO_USER" -c 'command -v swift' 2>/dev/null || true)
    fi
    for candidate in /opt/swift/usr/bin/swift /usr/share/swift/usr/bin/swift /usr/local/swift/usr/bin/swift; do
        [[ -z "$swift_bin" && -x "$candidate" ]] && swift_bin=$candidate
    done
    [[ -n "$swift_bin" ]] || fail "swift not found (PATH, /opt/swift/usr/bin): install the Swift toolchain (swift.org), or use --binary DIR"
    export PATH="$(dirname "$swift_bin"):$PATH"
    as_builder=()
    # Build as the person who called sudo, so .build/ stays theirs.
    [[ -n "${SUDO_USER:-}" && "$SUDO_USER" != root ]] && as_builder=(runuser -u "$SUDO_USER" --)
    "${as_builder[@]}" env PATH="$PATH" swift build -c release --product dikelola
    binary_dir=$("${as_builder[@]}" env PATH="$PATH" swift build -c release --show-bin-path)
fi
[[ -x "$binary_dir/dikelola" ]] || fail "$binary_dir/dikelola is missing or not executable"
[[ -d "$binary_dir/$resources" ]] || fail "$binary_dir/$resources is missing: the program cannot run without it (the holiday list and the seed SOPs). Copy the whole build folder, or rebuild."

say "User and folders"
id dikelola >/dev/null 2>&1 || useradd --system --home-dir "$data" --no-create-home --shell /usr/sbin/nologin dikelola
web_group=dikelola
getent group www-data >/dev/null && web_group=www-data
install -d -o dikelola -g dikelola -m 0700 "$data"
# setgid: what Dikelola writes here belongs to nginx's group, which may read but not write it.
install -d -o dikelola -g "$web_group" -m 2750 "$public"
install -d -o dikelola -g dikelola -m 0700 "$backups"
install -d -o root -g dikelola -m 0750 "$conf"

say "Program into $prefix/bin"
staging="$prefix/bin.new"
rm -rf "$staging"
install -d -m 0755 "$staging" "$prefix/docs"
install -m 0755 "$binary_dir/dikelola" "$staging/dikelola"
cp -R "$binary_dir/$resources" "$staging/$resources"
chmod -R a+rX "$staging/$resources"
"$staging/dikelola" --version >/dev/null || fail "the new program does not start"
# The version being replaced becomes bin.previous; installing the same program again keeps the
# real previous one.
if [[ -d "$prefix/bin" ]] && ! cmp -s "$prefix/bin/dikelola" "$staging/dikelola"; then
    rm -rf "$prefix/bin.previous"
    mv "$prefix/bin" "$prefix/bin.previous"
else
    rm -rf "$prefix/bin"
fi
mv "$staging" "$prefix/bin"
install -m 0644 docs/DEPLOY.md "$prefix/docs/DEPLOY.md"
install -m 0755 deploy/dikelola-command.sh /usr/local/bin/dikelola
echo "installed $("$prefix/bin/dikelola" --version)"

say "Settings, service, web server"
if [[ ! -f "$conf/dikelola.env" ]]; then
    token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    sed "s/^DIKELOLA_METRICS_TOKEN=$/DIKELOLA_METRICS_TOKEN=$token/" deploy/dikelola.env > "$conf/dikelola.env"
    echo "wrote $conf/dikelola.env (metrics token inside)"
else
    echo "kept $conf/dikelola.env"
fi
chown root:dikelola "$conf/dikelola.env"
chmod 0640 "$conf/dikelola.env"
install -m 0644 deploy/dikelola.service /etc/systemd/system/dikelola.service
install -m 0644 deploy/dikelola-backup.service /etc/systemd/system/dikelola-backup.service
install -m 0644 deploy/dikelola-backup.timer /etc/systemd/system/dikelola-backup.timer
if [[ -d /etc/nginx/sites-available ]]; then
    if [[ ! -f /etc/nginx/sites-available/dikelola ]]; then
        install -m 0644 deploy/nginx-dikelola.conf /etc/nginx/sites-available/dikelola
        echo "wrote /etc/nginx/sites-available/dikelola: set the host name and certificate, then enable it"
    else
        echo "kept /etc/nginx/sites-available/dikelola (the shipped one is deploy/nginx-dikelola.conf)"
        if ! diff -q <(sed -E 's/server_name [^;]+;//; /ssl_certificate/d' /etc/nginx/sites-available/dikelola) \
            <(sed -E 's/server_name [^;]+;//; /ssl_certificate/d' deploy/nginx-dikelola.conf) >/dev/null; then
            echo "   it differs from the shipped site beyond the host name and certificate: compare them"
            echo "   diff /etc/nginx/sites-available/dikelola $(pwd)/deploy/nginx-dikelola.conf"
        fi
    fi
fi
if [[ -d /run/systemd/system ]]; then
    systemctl daemon-reload
    systemctl enable dikelola >/dev/null 2>&1 || true
    systemctl enable --now dikelola-backup.timer >/dev/null 2>&1 || true
    if systemctl is-active --quiet dikelola; then
        say "Restarting the running service on the new program"
        systemctl restart dikelola
    fi
fi

[[ -e "$prefix/bin.previous" ]] && exit 0    # an upgrade: nothing more to do
cat <<NEXT

Done. Next (docs/DEPLOY.md):
  sudo dikelola create-admin you@your-body.go.id     # first administrator, password shown here only
  sudo systemctl start dikelola
  curl -s http://127.0.0.1:8080/health/ready
NEXT
