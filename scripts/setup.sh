#!/usr/bin/env bash
# Installs every tool the build, demo and tests need (pinned, skipped when present). The steps
# live in .ci/run, so CI and a newcomer's machine are set up by the same lines.
exec "$(dirname "$0")/../.ci/run" --setup-only
