#!/usr/bin/env bash
# /usr/local/bin/dikelola: runs a Dikelola command as the service does: as the user `dikelola`,
# with the settings of /etc/dikelola/dikelola.env read as systemd reads an EnvironmentFile, and the
# service's umask. A `$`, `;` or backtick in a value is part of the value, never run. For example
#   sudo dikelola create-admin ppid@contohkab.go.id
#   sudo dikelola backup /var/backups/dikelola/sebelum-perubahan.backup
#   sudo dikelola audit verify
set -euo pipefail
settings=/etc/dikelola/dikelola.env

# One value as systemd's env-file parser reads it: blanks around it dropped, 'single' and "double"
# quotes (pieces may be joined: "a"'b'c), a backslash escaping the next character outside quotes,
# and \" \\ \` \$ inside double quotes.
systemd_value() {
    local text=$1 out="" state=pre pending="" c i
    for (( i = 0; i < ${#text}; i++ )); do
        c=${text:i:1}
        case $state in
            pre)
                case $c in
                    [[:space:]]) ;;
                    \") state=double ;;
                    \') state=single ;;
                    \\) state=escape ;;
                    *) out+=$c; state=plain ;;
                esac ;;
            plain)
                case $c in
                    [[:space:]]) pending+=$c ;;
                    \\) out+=$pending; pending=""; state=escape ;;
                    \") out+=$pending; pending=""; state=double ;;
                    \') out+=$pending; pending=""; state=single ;;
                    *) out+=$pending$c; pending="" ;;
                esac ;;
            escape) out+=$c; state=plain ;;
            single) if [[ $c == \' ]]; then state=plain; else out+=$c; fi ;;
            double)
                case $c in
                    \") state=plain ;;
                    \\) state=double_escape ;;
                    *) out+=$c ;;
                esac ;;
            double_escape)
                case $c in
                    \"|\\|\`|\$) out+=$c ;;
                    *) out+="\\$c" ;;
                esac
                state=double ;;
        esac
    done
    printf '%s' "$out"
}

variables=()
while IFS= read -r line || [[ -n "$line" ]]; do
    line=${line%$'\r'}
    line="${line#"${line%%[![:space:]]*}"}"
    [[ -z "$line" || "$line" == \#* || "$line" == \;* || "$line" != *=* ]] && continue
    name="${line%%=*}"
    name="${name%"${name##*[![:space:]]}"}"
    [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    variables+=("$name=$(systemd_value "${line#*=}")")
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
    exec /usr/sbin/runuser -u dikelola -- /usr/bin/env -i "${base[@]}" "${variables[@]}" /opt/dikelola/bin/dikelola "$@"
fi
exec /usr/bin/env -i "${base[@]}" "${variables[@]}" /opt/dikelola/bin/dikelola "$@"
