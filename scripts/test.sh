#!/usr/bin/env bash
# Runs the whole test suite (or the files given as arguments) on a fresh machine:
# installs what the tests need, builds dist/, then runs node:test through tsx.
#   npm test                          all test/**/*.test.ts but the fuzzing (test/fuzz/)
#   npm test -- test/infra/x.test.ts  one file (flags such as --test-name-pattern=... pass through)
#   npm run test:faults               the fuzzing: test/fuzz/*.test.ts (a minute or two; CI runs it too)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    echo "scripts/test.sh: Dovecot is missing and I cannot install it (not root, no password-less sudo)." >&2
    echo "Install it once yourself: sudo apt-get install dovecot-imapd" >&2
    exit 1
  fi
}

install_dovecot() {
  echo "scripts/test.sh: installing Dovecot (dovecot-imapd) from Debian for the IMAP tests" >&2
  # The tests start private Dovecot instances; the system-wide service the package would start
  # is not needed. A policy-rc.d that answers 101 keeps the package scripts from starting it.
  # Only add one when the machine has none, and remove it again afterwards.
  local policy=/usr/sbin/policy-rc.d added_policy=no
  if [ ! -e "$policy" ]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy"
    added_policy=yes
  fi
  local status=0 log
  log=$(mktemp)
  as_root apt-get update >"$log" 2>&1 || status=$?
  if [ "$status" -eq 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dovecot-imapd \
      >>"$log" 2>&1 || status=$?
  fi
  if [ "$added_policy" = yes ]; then as_root rm -f "$policy"; fi
  if [ "$status" -ne 0 ] || [ ! -x /usr/sbin/dovecot ]; then
    tail -n 20 "$log" >&2
    echo "scripts/test.sh: installing dovecot-imapd failed (apt-get exit $status); see the lines above." >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

if [ ! -d node_modules ]; then
  npm ci
fi
if [ ! -x /usr/sbin/dovecot ]; then
  install_dovecot
fi

npm run build

# Public e-mail fixtures of other projects for test/understanding/public-fixtures.test.ts: npm
# and Debian packages pinned by version and hash, unpacked into .test-cache/ (not committed).
# Without them that one test file fails and says so; the others run.
if ! node scripts/public-fixtures.mjs; then
  echo "scripts/test.sh: the public e-mail fixtures are incomplete (see above)" >&2
fi

files=()
flags=()
for arg in "$@"; do
  case "$arg" in
    -*) flags+=("$arg") ;;
    *) files+=("$arg") ;;
  esac
done
if [ "${#files[@]}" -eq 0 ]; then
  # Node 20's runner has no TypeScript globs of its own.
  mapfile -t files < <(find test -name '*.test.ts' -not -path '*/node_modules/*' -not -path 'test/fuzz/*' | sort)
fi
if [ "${#files[@]}" -eq 0 ]; then
  echo "scripts/test.sh: no test files found under test/" >&2
  exit 1
fi

exec node --import tsx --test --test-concurrency=2 "${flags[@]}" "${files[@]}"
