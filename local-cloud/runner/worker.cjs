// One cloud function instance. It first loads the modules every function shares (wx-server-sdk, about a
// second of a cold start), so an idle spare can be handed to whichever function needs a new instance;
// then loads its function once and serves one invocation at a time, with that invocation's WX_* context
// in process.env (private to this worker thread), which wx-server-sdk's getWXContext() reads on every
// call. Plain JavaScript: workers load it without a TypeScript loader.
'use strict'
const Module = require('node:module')
const { delimiter, dirname, join } = require('node:path')
const { parentPort, workerData } = require('node:worker_threads')

function describe(e) {
  if (e instanceof Error) return e.stack || `${e.name}: ${e.message}`
  try {
    return typeof e === 'string' ? e : JSON.stringify(e)
  } catch {
    return String(e)
  }
}

for (const file of workerData.preload || []) {
  try {
    require(file)
  } catch {
    // The function's own require will report it.
  }
}

let main

// A promise rejected after the function answered (a write not awaited, say) is logged and the instance
// goes on serving, as the cloud's runtime does; by default Node would end the worker thread.
process.on('unhandledRejection', (reason) => parentPort.postMessage({ type: 'unhandled', message: describe(reason) }))

/** As the cloud runtime: NODE_PATH is the function's folder and its node_modules, so require('lib/x') resolves from its root. */
function setNodePath(file) {
  const root = dirname(file)
  process.env.NODE_PATH = [root, join(root, 'node_modules')].join(delimiter)
  Module._initPaths()
}

function load(file) {
  try {
    setNodePath(file)
    main = require(file).main
    if (typeof main !== 'function') throw new Error(`${file} does not export an async main(event, context)`)
    parentPort.postMessage({ type: 'ready' })
  } catch (e) {
    parentPort.postMessage({ type: 'loadError', message: describe(e) })
  }
}

async function invoke(msg) {
  for (const key of Object.keys(process.env)) if (key.startsWith('WX_') || key === 'TCB_SOURCE') delete process.env[key]
  Object.assign(process.env, msg.env)
  let reply
  try {
    const result = await main(msg.event, msg.context)
    reply = { type: 'result', id: msg.id, ok: true, json: JSON.stringify(result === undefined ? null : result) }
  } catch (e) {
    reply = { type: 'result', id: msg.id, ok: false, message: describe(e) }
  }
  parentPort.postMessage(reply)
}

parentPort.on('message', (msg) => {
  if (msg && msg.type === 'load') load(msg.file)
  else if (msg && msg.type === 'invoke' && main) invoke(msg)
})
