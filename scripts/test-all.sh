#!/usr/bin/env bash
# `npm test`: everything the tests need, then every test — types, lint and unused code, unit, integration
# (real PostgreSQL), browser.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p test-results

bash scripts/ensure-test-services.sh
# shellcheck disable=SC1091
source test-results/test-env.sh

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "类型检查 (tsc)"
npx tsc --noEmit

step "代码检查 (Biome lint + format check, knip unused code)"
npm run --silent lint

step "分层检查 (dependency-cruiser, docs/decisions/0007-layering.md)"
npm run -s check:layers

step "单元测试 (vitest unit)"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test-results/unit.json

step "集成测试 (vitest integration, PostgreSQL)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=test-results/integration.json

step "构建 (next build)"
npx next build

step "页面体积 (first-load JS per route ≤ framework + 15 KB gzipped, bench/page-weight.ts; exits 1 over budget)"
npx tsx bench/page-weight.ts

step "浏览器测试 (Playwright, chromium)"
npx playwright test

step "浏览器测试：无演示数据的首次运行 (Playwright)"
npx playwright test -c playwright.first-run.config.ts

node scripts/test-summary.mjs test-results/unit.json test-results/integration.json test-results/e2e-results.json test-results/e2e-first-run-results.json
