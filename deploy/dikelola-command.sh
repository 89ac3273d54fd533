#!/usr/bin/env bash
# /usr/local/bin/dikelola: runs a Dikelola command as the service does: as the user `dikelola`,
# with the settings of /etc/dikelola/dikelola.env read as systemd reads them (literally: a `$`, `;`
# or backtick in a value is part of the value, never run), and the service's umask. For example
#   sudo dikelola create-admin ppid@contohkab.go.id
#   sudo dikelola backup /var/backups/dikelola/sebelum-perubahan.backup
#   sudo dikelola audit verify
set -euo pipefail
settings=/etc/dikelola/dikelola.env
variables=()
while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line#"${line%%[![:space:]]*}"}"               # leading blanks
    [[ -z "$line" || "$line" == \#* || "$line" == \;* ]] && continue
    [[ "$line" == *=* ]] || continue
    name="${line%%=*}"
    value="${line#*=}"
    name="${name%"${name##*[![:space:]]}"}"               # trailing blanks of the name
    [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    # systemd drops one pair of surrounding quotes.
    if [[ ${#value} -ge 2 && ( ("$value" == \"*\") || ("$value" == \'*\') ) ]]; then
        value="${value:1:${#value}-2}"
    fi
    variables+=("$name=$value")
done < "$settings"

umask 0027
data="/var/lib/dikelola"
for assignment in "${variables[@]}"; do
    [[ "$assignment" == DIKELOLA_DATA_DIR=* ]] && data="${assignment#DIKELOLA_DATA_DIR=}"
done
cd "$data"
# Only these settings, as under systemd: nothing of the caller's own environment leaks in.
base=(PATH=/usr/local/bin:/usr/bin:/bin HOME="$data" LANG=C.UTF-8)
if [[ $(id -u) -eq 0 ]]; then
    exec runuser -u dikelola -- env -i "${base[@]}" "${variables[@]}" /opt/dikelola/bin/dikelola "$@"
fi
exec env -i "${base[@]}" "${variables[@]}" /opt/dikelola/bin/dikelola "$@"
