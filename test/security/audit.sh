#!/usr/bin/env bash
# Supply-chain checks of the published package:
#  1. `npm audit --omit=dev` must report nothing (the package has no runtime dependencies);
#  2. the package.json must declare no runtime `dependencies`;
#  3. n8n's community-package scanner must pass on the source and the packed tarball.
# Run from the repository root after `npm run build`:  bash test/security/audit.sh
# Exit code: 0 all passed, 1 a check failed, 2 a check could not run (e.g. no registry access); the
# reason is printed either way.
set -u
cd "$(dirname "$0")/../.."
# The project's pinned Node 24 (the `node` devDependency) first, as npm scripts do.
export PATH="$PWD/node_modules/.bin:$PATH"

status=0
note() { printf '%s\n' "$*" >&2; }

# 2. No runtime dependencies (offline, always decisive).
deps=$(node -e 'const p=require("./package.json");process.stdout.write(String(Object.keys(p.dependencies||{}).length))')
if [ "$deps" != "0" ]; then
	note "FAIL: package.json declares $deps runtime dependencies; n8n community nodes must have none"
	status=1
else
	note "ok: no runtime dependencies"
fi

# 1. npm audit of what users install.
audit_out=$(npm audit --omit=dev --json 2>&1)
audit_rc=$?
if [ $audit_rc -eq 0 ]; then
	note "ok: npm audit --omit=dev reports nothing"
elif printf '%s' "$audit_out" | grep -q '"vulnerabilities"'; then
	note "FAIL: npm audit --omit=dev reports vulnerabilities:"
	printf '%s\n' "$audit_out" | head -40 >&2
	status=1
else
	note "COULD NOT RUN: npm audit --omit=dev ($(printf '%s' "$audit_out" | grep -m1 -iE 'code|error|message' | tr -s ' '))"
	[ $status -eq 0 ] && status=2
fi

# 3. n8n's community-package scanner, its own analysis on the source and on the packed tarball.
if node test/security/scan-package.mjs; then
	note "ok: @n8n/scan-community-package analysis passed"
else
	note "FAIL: @n8n/scan-community-package analysis reported problems (see above)"
	status=1
fi
exit $status
