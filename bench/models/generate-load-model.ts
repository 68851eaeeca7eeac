/**
 * Writes the load model, bench/models/load/1/model.onnx: an MLP 256 -> 2048 ReLU -> 2048 ReLU -> 10
 * softmax whose weights are not trained, nor stored. It predicts nothing meaningful; it exists so
 * that inference, not HTTP, dominates each request, which is what dynamic batching is for.
 *
 * Its 4.7 million weights would make a 19 MB file of noise. Instead the graph computes each weight
 * from its index with a multiplicative hash (Knuth's: index × 2654435761 mod 2^32, scaled to the
 * He-uniform range), and onnxruntime folds those nodes into constant tensors when it loads the
 * model: the file is a few kilobytes, the same on every run, and the model in memory is as large
 * and as slow as a stored one.
 *
 *   npx tsx bench/models/generate-load-model.ts
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import onnxProto from 'onnx-proto'

const { onnx } = onnxProto
type TensorProto = onnxProto.onnx.ITensorProto
type NodeProto = onnxProto.onnx.INodeProto

export const loadModelWidths = [256, 2048, 2048, 10] as const
const hashMultiplier = 2654435761
const hashModulus = 2 ** 32
const folder = new URL('./load/1/', import.meta.url)

const { FLOAT, INT64 } = onnx.TensorProto.DataType

function floats(name: string, values: number[], dims: number[] = []): TensorProto {
  return { name, dims, dataType: FLOAT, rawData: new Uint8Array(new Float32Array(values).buffer) }
}

function integers(name: string, values: number[], dims: number[] = []): TensorProto {
  return {
    name,
    dims,
    dataType: INT64,
    rawData: new Uint8Array(new BigInt64Array(values.map(BigInt)).buffer),
  }
}

function node(opType: string, input: string[], output: string, attribute: object[] = []): NodeProto {
  return { opType, input, output: [output], attribute, name: output }
}

/**
 * Nodes computing a fanIn × fanOut weight matrix, uniform in ±sqrt(6 / fanIn): the hash of each
 * index, counted on from `firstIndex` so that no two layers share weights.
 */
function hashedWeights(name: string, fanIn: number, fanOut: number, firstIndex: number) {
  const count = fanIn * fanOut
  const initializers = [
    integers(`${name}_first`, [firstIndex]),
    integers(`${name}_end`, [firstIndex + count]),
    integers(`${name}_shape`, [fanIn, fanOut], [2]),
    floats(`${name}_scale`, [(2 * Math.sqrt(6 / fanIn)) / hashModulus]),
  ]
  const nodes = [
    node('Range', [`${name}_first`, `${name}_end`, 'one'], `${name}_index`),
    node('Mul', [`${name}_index`, 'hash_multiplier'], `${name}_product`),
    node('Mod', [`${name}_product`, 'hash_modulus'], `${name}_hash`),
    node('Cast', [`${name}_hash`], `${name}_hash_float`, [{ name: 'to', type: 2, i: FLOAT }]),
    node('Sub', [`${name}_hash_float`, 'half_modulus'], `${name}_centred`),
    node('Mul', [`${name}_centred`, `${name}_scale`], `${name}_flat`),
    node('Reshape', [`${name}_flat`, `${name}_shape`], name),
  ]
  return { initializers, nodes }
}

export function buildLoadModel(): Uint8Array {
  const initializer: TensorProto[] = [
    integers('one', [1]),
    integers('hash_multiplier', [hashMultiplier]),
    integers('hash_modulus', [hashModulus]),
    floats('half_modulus', [hashModulus / 2]),
  ]
  const nodes: NodeProto[] = []
  let current = 'input'
  let firstIndex = 0
  for (let layer = 0; layer < loadModelWidths.length - 1; layer++) {
    const fanIn = loadModelWidths[layer] as number
    const fanOut = loadModelWidths[layer + 1] as number
    const weights = hashedWeights(`dense_${layer}_weights`, fanIn, fanOut, firstIndex)
    firstIndex += fanIn * fanOut
    initializer.push(
      ...weights.initializers,
      floats(`dense_${layer}_bias`, new Array(fanOut).fill(0), [fanOut]),
    )
    nodes.push(
      ...weights.nodes,
      node('Gemm', [current, `dense_${layer}_weights`, `dense_${layer}_bias`], `dense_${layer}`),
    )
    current = `dense_${layer}`
    if (layer < loadModelWidths.length - 2) {
      nodes.push(node('Relu', [current], `dense_${layer}_relu`))
      current = `dense_${layer}_relu`
    }
  }
  const int = (name: string, i: number) => ({ name, type: onnx.AttributeProto.AttributeType.INT, i })
  nodes.push(
    node('Softmax', [current], 'probabilities', [int('axis', 1)]),
    node('ArgMax', [current], 'label', [int('axis', 1), int('keepdims', 0)]),
  )
  const tensor = (name: string, elemType: number, shape: (string | number)[]) => ({
    name,
    type: {
      tensorType: {
        elemType,
        shape: {
          dim: shape.map((size) => (typeof size === 'string' ? { dimParam: size } : { dimValue: size })),
        },
      },
    },
  })
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'bench/models/generate-load-model.ts',
    docString: 'Load model for benchmarks: hashed weights, not trained.',
    graph: {
      name: 'load',
      node: nodes,
      initializer,
      input: [tensor('input', FLOAT, ['batch', loadModelWidths[0]])],
      output: [
        tensor('probabilities', FLOAT, ['batch', loadModelWidths[loadModelWidths.length - 1] as number]),
        tensor('label', INT64, ['batch']),
      ],
    },
  })
  const problem = onnx.ModelProto.verify(model)
  if (problem) throw new Error(`invalid ONNX model: ${problem}`)
  return onnx.ModelProto.encode(model).finish()
}

const metadata = {
  description:
    `Load model for benchmarks, not a trained one: an MLP ${loadModelWidths.join(' -> ')} whose ` +
    'weights are hashed from their index. Written by bench/models/generate-load-model.ts.',
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await mkdir(folder, { recursive: true })
  await writeFile(new URL('model.onnx', folder), buildLoadModel())
  await writeFile(new URL('metadata.json', folder), `${JSON.stringify(metadata, null, 2)}\n`)
  console.log(`wrote ${fileURLToPath(folder)}model.onnx and metadata.json`)
}
