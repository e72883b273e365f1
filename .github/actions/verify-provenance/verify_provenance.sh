#!/usr/bin/env bash
# Verify that a release of aws-lambda-powertools on PyPI was built by our release pipeline,
# using its signed SLSA provenance and slsa-verifier.
#
# Usage: verify_provenance.sh [options] <version>      e.g. verify_provenance.sh 3.2.1
# Run with --help for the options, the environment variables and the exit codes.
set -euo pipefail

readonly PACKAGE_FILE_PREFIX="aws_lambda_powertools"
readonly PYPI_PROJECT="aws-lambda-powertools"
readonly SOURCE_URI="github.com/aws-powertools/powertools-lambda-python"
readonly BUILDER_ID="https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml"
readonly PROVENANCE_FILE="multiple.intoto.jsonl"

# The pinned slsa-verifier and the SHA-256 of each of its binaries, taken from its SHA256SUM.md.
readonly VERIFIER_VERSION="2.7.1"
verifier_sha256() {
  case "$1" in
    darwin-amd64) echo "4baf25415727821f847a38bccedc86c3e5b17cbfc2eb534cd554feb6c856d6f1" ;;
    darwin-arm64) echo "39abfcf5f1d690c3e889ce3d2d6a8b87711424d83368511868d414e8f8bcb05c" ;;
    linux-amd64) echo "946dbec729094195e88ef78e1734324a27869f03e2c6bd2f61cbc06bd5350339" ;;
    linux-arm64) echo "5d3b2349ede7bfec19e7a21569f18b9f7410145ad12e9584b175370669e14061" ;;
    *) return 1 ;;
  esac
}

# Download locations; override them to use a mirror.
VERIFIER_BASE_URL="${VERIFIER_BASE_URL:-https://github.com/slsa-framework/slsa-verifier/releases/download}"
RELEASE_BASE_URL="${RELEASE_BASE_URL:-https://github.com/aws-powertools/powertools-lambda-python/releases/download}"
PYPI_FILES_BASE_URL="${PYPI_FILES_BASE_URL:-https://files.pythonhosted.org/packages}"

# Exit codes (also listed by --help). The docs include this block.
# --8<-- [start:exit-codes]
readonly EXIT_VERIFICATION_FAILED=1
readonly EXIT_USAGE=2
readonly EXIT_PREREQUISITE=3
readonly EXIT_DOWNLOAD=4
readonly EXIT_INTEGRITY=5
# --8<-- [end:exit-codes]

usage() {
  cat <<USAGE
Usage: verify_provenance.sh [options] <version>

Verifies the wheel and the sdist of ${PYPI_PROJECT} <version> (for example 3.2.1 or 3.2.1a1)
against the signed SLSA provenance (${PROVENANCE_FILE}) of GitHub release v<version>.

Options:
  --verifier PATH        use this slsa-verifier instead of downloading v${VERIFIER_VERSION}
  --source-branch NAME   branch the release must have been built from (default: develop)
  --keep DIR             copy the downloaded files into DIR (created if missing)
  -h, --help             show this help

Environment (for mirrors): VERIFIER_BASE_URL, RELEASE_BASE_URL, PYPI_FILES_BASE_URL.
Only https is used, except plain http to this machine (127.0.0.1, localhost).

The script works in a temporary directory that it always removes; it never writes to the
current directory.

Exit codes:
  0  the release verified
  1  verification failed (slsa-verifier rejected the artifacts)
  2  usage error (unknown option, missing or malformed version)
  3  missing prerequisite (curl, a SHA-256 tool, unsupported OS or architecture)
  4  download failed (no such release, network error)
  5  integrity failure (the downloaded slsa-verifier does not match its pinned SHA-256)
USAGE
}

log() { printf 'verify_provenance: %s\n' "$*" >&2; }
fail() {
  local code="$1"
  shift
  log "error: $*"
  printf 'FAILED: %s\n' "$*" >&2
  exit "$code"
}

# --- arguments -----------------------------------------------------------------------------
version=""
verifier=""
source_branch="develop"
keep_dir=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --verifier) [ "$#" -ge 2 ] || fail "$EXIT_USAGE" "--verifier needs a path"; verifier="$2"; shift 2 ;;
    --source-branch) [ "$#" -ge 2 ] || fail "$EXIT_USAGE" "--source-branch needs a name"; source_branch="$2"; shift 2 ;;
    --keep) [ "$#" -ge 2 ] || fail "$EXIT_USAGE" "--keep needs a directory"; keep_dir="$2"; shift 2 ;;
    --) shift; break ;;
    -*) usage >&2; fail "$EXIT_USAGE" "unknown option: $1" ;;
    *) break ;;
  esac
done
[ "$#" -eq 1 ] || { usage >&2; fail "$EXIT_USAGE" "expected exactly one version, got $#"; }
version="$1"

# Validated before it reaches a URL or a command line: PEP 440 releases and pre-releases only.
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+((a|b|rc)[0-9]+)?$ ]]; then
  fail "$EXIT_USAGE" "not a release version: '${version}' (expected e.g. 3.2.1 or 3.2.1a1)"
fi
if ! [[ "$source_branch" =~ ^[A-Za-z0-9._/-]+$ ]]; then
  fail "$EXIT_USAGE" "not a branch name: '${source_branch}'"
fi

# --- prerequisites -------------------------------------------------------------------------
command -v curl >/dev/null 2>&1 || fail "$EXIT_PREREQUISITE" "curl is required"

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d ' ' -f 1
  else
    return 1
  fi
}

platform() {
  local os arch
  os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  arch="$(uname -m)"
  case "$os" in linux | darwin) ;; *) return 1 ;; esac
  case "$arch" in
    x86_64 | amd64) arch="amd64" ;;
    aarch64 | arm64) arch="arm64" ;;
    *) return 1 ;;
  esac
  printf '%s-%s\n' "$os" "$arch"
}

# --- workspace -----------------------------------------------------------------------------
workdir="$(mktemp -d "${TMPDIR:-/tmp}/verify-provenance.XXXXXX")"
cleanup() { rm -rf -- "$workdir"; }
trap cleanup EXIT
trap 'cleanup; trap - EXIT; exit 130' INT
trap 'cleanup; trap - EXIT; exit 143' TERM

fetch() {
  local url="$1" out="$2" protocols="=https"
  # Plain http only to this machine (local mirrors and tests); everything else must be https.
  if [[ "$url" =~ ^http://(127\.0\.0\.1|localhost)(:[0-9]+)?/ ]]; then protocols="=http"; fi
  curl --fail --silent --show-error --location --proto "$protocols" --proto-redir "$protocols" \
    --retry 3 --connect-timeout 20 --max-time 300 --output "$out" "$url"
}

# Step 1: Downloads SLSA Verifier (the pinned version, for this OS and architecture)
# Step 2: Verifies the integrity of the download against the SHA-256 pinned above
if [ -n "$verifier" ]; then
  [ -x "$verifier" ] || fail "$EXIT_PREREQUISITE" "--verifier ${verifier} is not an executable file"
  log "using the installed verifier ${verifier}"
else
  target="$(platform)" || fail "$EXIT_PREREQUISITE" "no slsa-verifier binary for $(uname -s) $(uname -m); install one and pass --verifier"
  expected="$(verifier_sha256 "$target")"
  verifier="${workdir}/slsa-verifier-${target}"
  log "downloading slsa-verifier v${VERIFIER_VERSION} (${target})"
  fetch "${VERIFIER_BASE_URL}/v${VERIFIER_VERSION}/slsa-verifier-${target}" "$verifier" ||
    fail "$EXIT_DOWNLOAD" "could not download slsa-verifier v${VERIFIER_VERSION}"
  actual="$(sha256_of "$verifier")" || fail "$EXIT_PREREQUISITE" "sha256sum or shasum is required"
  if [ "$actual" != "$expected" ]; then
    fail "$EXIT_INTEGRITY" "slsa-verifier checksum mismatch: expected ${expected}, got ${actual}"
  fi
  chmod +x "$verifier"
  log "slsa-verifier integrity confirmed (${actual})"
fi

# Step 3: Downloads attestation of the release
provenance="${workdir}/${PROVENANCE_FILE}"
log "downloading the attestation of release v${version}"
fetch "${RELEASE_BASE_URL}/v${version}/${PROVENANCE_FILE}" "$provenance" ||
  fail "$EXIT_DOWNLOAD" "could not download ${PROVENANCE_FILE} for v${version}: does the release exist?"

# Step 4: Downloads aws-lambda-powertools (wheel and sdist) from PyPI
wheel="${workdir}/${PACKAGE_FILE_PREFIX}-${version}-py3-none-any.whl"
sdist="${workdir}/${PACKAGE_FILE_PREFIX}-${version}.tar.gz"
letter="${PYPI_PROJECT:0:1}"
log "downloading ${PYPI_PROJECT} ${version} from PyPI"
fetch "${PYPI_FILES_BASE_URL}/py3/${letter}/${PYPI_PROJECT}/$(basename "$wheel")" "$wheel" ||
  fail "$EXIT_DOWNLOAD" "could not download the wheel of ${PYPI_PROJECT} ${version}"
fetch "${PYPI_FILES_BASE_URL}/source/${letter}/${PYPI_PROJECT}/$(basename "$sdist")" "$sdist" ||
  fail "$EXIT_DOWNLOAD" "could not download the sdist of ${PYPI_PROJECT} ${version}"

if [ -n "$keep_dir" ]; then
  mkdir -p -- "$keep_dir"
  cp -- "$provenance" "$wheel" "$sdist" "$keep_dir"/
  log "kept the downloaded files in ${keep_dir}"
fi

# Step 5: Runs SLSA Verifier against attestation, GitHub source and builder; its exit status decides ours
log "verifying the wheel and the sdist against the attestation"
status=0
"$verifier" verify-artifact \
  --provenance-path "$provenance" \
  --source-uri "$SOURCE_URI" \
  --source-branch "$source_branch" \
  --builder-id "$BUILDER_ID" \
  "$wheel" "$sdist" || status=$?

# Step 6: Cleanup: the EXIT trap removes the work directory, whatever the outcome
if [ "$status" -ne 0 ]; then
  printf 'FAILED: %s %s did not verify (slsa-verifier exit %s)\n' "$PYPI_PROJECT" "$version" "$status" >&2
  exit "$EXIT_VERIFICATION_FAILED"
fi
printf 'PASSED: %s %s was built from %s by the SLSA generic generator\n' "$PYPI_PROJECT" "$version" "$SOURCE_URI" >&2
