// Passed with --pre-js to the wasm test program: Emscripten's getenv() sees its own environment,
// not Node's, so hand over the variables the tests read.
Module['preRun'] = Module['preRun'] || [];
Module['preRun'].push(function () {
  ['CULTIVATE_TESTDATA', 'CULTIVATE_SEED', 'CULTIVATE_SEED_COUNT'].forEach(function (k) {
    if (process.env[k] !== undefined) ENV[k] = process.env[k];
  });
});
