// One cloud function instance. It first loads the modules every function shares (wx-server-sdk, about a
// second of a cold start), so an idle spare can be handed to whichever function needs a new instance;
// then loads its function once and serves one invocation at a time, with that invocation's WX_* context
// in process.env (private to this worker thread), which wx-server-sdk's getWXContext() reads on every
// call. Plain JavaScript: workers load it without a TypeScript loader.
'use strict'
const Module = require('node:module')
const { delimiter, dirname, join } = require('node:path')
const { parentPort, workerData } = require('node:worker_threads')

/** Any thrown value as text; never throws itself (a thrown Proxy or a throwing getter included). */
function describe(e) {
  try {
    if (e instanceof Error) return String(e.stack || `${e.name}: ${e.message}`)
    if (typeof e === 'string') return e
    const json = JSON.stringify(e)
    if (json !== undefined) return json
  } catch {
    // Fall through to String().
  }
  try {
    return String(e)
  } catch {
    return 'a value that cannot be printed'
  }
}

/** Messages to the runner are strings and flat objects; should one still fail to clone, an error takes its place. */
function post(message) {
  try {
    parentPort.postMessage(message)
  } catch (e) {
    parentPort.postMessage({ type: message.type, id: message.id, ok: false, message: `cannot send the ${message.type}: ${describe(e)}` })
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
process.on('unhandledRejection', (reason) => post({ type: 'unhandled', message: describe(reason) }))

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
    post({ type: 'ready' })
  } catch (e) {
    post({ type: 'loadError', message: describe(e) })
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
  post(reply)
}

// An invocation this thread cannot deserialize (nesting too deep for its stack): the runner answers the
// call it is waiting for with an error, and this instance serves the next one.
parentPort.on('messageerror', (e) => post({ type: 'lost', message: describe(e) }))

parentPort.on('message', (msg) => {
  if (msg && msg.type === 'load') load(msg.file)
  else if (msg && msg.type === 'invoke' && main) invoke(msg)
})
