#!/usr/bin/env node
// The CLI as generator/build.ts bundles it; `npm pack` builds it, and so does `npm run anatomy` in a clone.
import '../dist/cli.js'
