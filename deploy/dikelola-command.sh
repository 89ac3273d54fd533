#!/bin/sh
# /usr/local/bin/dikelola: runs a Dikelola command as the service does, with its user and its
# settings (/etc/dikelola/dikelola.env), e.g.
#   sudo dikelola create-admin ppid@contohkab.go.id
#   sudo dikelola backup /var/backups/dikelola/dikelola-$(date +%F).sqlite
#   sudo dikelola audit verify
set -e
set -a
. /etc/dikelola/dikelola.env
set +a
cd "${DIKELOLA_DATA_DIR:-/var/lib/dikelola}"
if [ "$(id -u)" = 0 ]; then
    exec runuser -u dikelola -- /opt/dikelola/bin/dikelola "$@"
fi
exec /opt/dikelola/bin/dikelola "$@"
