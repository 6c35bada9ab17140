#!/usr/bin/env bash
# The README's test command: every layer. `npm test -- unit|integration|e2e` runs one.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node_modules/.bin/tsx scripts/test.ts "$@"
