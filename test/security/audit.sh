#!/usr/bin/env bash
# Supply-chain checks of the published package:
#  1. `npm audit --omit=dev` must report nothing (the package has no runtime dependencies);
#  2. the package.json must declare no runtime `dependencies`;
#  3. n8n's community-package scanner must pass on the packed tarball.
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

# 3. n8n's scanner on the packed tarball.
pack_dir=$(mktemp -d)
trap 'rm -rf "$pack_dir"' EXIT
if [ ! -d dist ]; then
	note "COULD NOT RUN: dist/ is missing; run npm run build first"
	exit 2
fi
tarball=$(npm pack --silent --pack-destination "$pack_dir" 2>/dev/null | tail -1)
if [ -z "$tarball" ] || [ ! -f "$pack_dir/$tarball" ]; then
	note "COULD NOT RUN: npm pack failed"
	exit 2
fi
note "packed $tarball ($(du -k "$pack_dir/$tarball" | cut -f1) kB)"
scanner_version=${N8N_SCANNER_VERSION:-latest}
scan_out=$(cd "$pack_dir" && timeout 300 npx -y "@n8n/scan-community-package@${scanner_version}" "$pack_dir/$tarball" 2>&1)
scan_rc=$?
printf '%s\n' "$scan_out" | tail -30 >&2
# The scanner prints its verdict and (as of 0.x) exits 0 even on failure: judge by what it says.
if printf '%s' "$scan_out" | grep -q 'has failed security checks'; then
	if printf '%s' "$scan_out" | grep -qE 'Analysis failed: Request failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT'; then
		# It resolves its argument as a package name on registry.npmjs.org: an unpublished tarball cannot be fetched.
		note "COULD NOT RUN: the scanner could not fetch the package to analyse (it reads packages from the npm registry by name)"
		[ $status -eq 0 ] && status=2
	else
		note "FAIL: @n8n/scan-community-package reported problems (see above)"
		status=1
	fi
elif [ $scan_rc -eq 0 ] && printf '%s' "$scan_out" | grep -qiE 'has passed|passed all|✅'; then
	note "ok: @n8n/scan-community-package passed"
elif printf '%s' "$scan_out" | grep -qiE 'ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed'; then
	note "COULD NOT RUN: the scanner needs network access it did not get (see above)"
	[ $status -eq 0 ] && status=2
else
	note "FAIL: @n8n/scan-community-package exited with $scan_rc without a verdict"
	status=1
fi
exit $status
