import onnxProto from 'onnx-proto'
import type { Classifier } from './classifier.js'

// onnx-proto is a CommonJS bundle whose single export is the `onnx` namespace.
const { onnx } = onnxProto
type TensorProto = onnxProto.onnx.ITensorProto
type NodeProto = onnxProto.onnx.INodeProto
type ValueInfoProto = onnxProto.onnx.IValueInfoProto
type AttributeProto = onnxProto.onnx.IAttributeProto

export const ONNX_OPSET = 17
export const ONNX_IR_VERSION = 8
export const INPUT_NAME = 'input'
export const PROBABILITIES_NAME = 'probabilities'
export const LABEL_NAME = 'label'
const BATCH_DIM = 'batch'

export interface ExportOptions {
  graphName: string
  modelVersion: number
  description: string
  labels: readonly string[]
  featureNames: readonly string[]
}

/** Serialises the classifier as an ONNX model: raw features in, class probabilities and label index out. */
export function exportToOnnx(classifier: Classifier, options: ExportOptions): Uint8Array {
  const { standardization, layers } = classifier
  const featureCount = standardization.mean.length
  const classCount = options.labels.length

  const initializers: TensorProto[] = [
    floatTensor('standardization_mean', [featureCount], standardization.mean),
    floatTensor('standardization_std', [featureCount], standardization.std),
  ]
  const nodes: NodeProto[] = [
    node('Sub', [INPUT_NAME, 'standardization_mean'], ['centered']),
    node('Div', ['centered', 'standardization_std'], ['standardized']),
  ]

  let current = 'standardized'
  layers.forEach((layer, index) => {
    const weightsName = `dense_${index}_weights`
    const biasName = `dense_${index}_bias`
    initializers.push(
      floatTensor(weightsName, [layer.weights.length, layer.bias.length], layer.weights.flat()),
      floatTensor(biasName, [layer.bias.length], layer.bias),
    )
    const isLast = index === layers.length - 1
    const linearName = isLast ? 'logits' : `dense_${index}_linear`
    nodes.push(node('Gemm', [current, weightsName, biasName], [linearName]))
    current = linearName
    if (layer.activation === 'relu') {
      nodes.push(node('Relu', [current], [`dense_${index}_relu`]))
      current = `dense_${index}_relu`
    }
  })
  if (current !== 'logits') throw new Error('the last layer must be linear: softmax is added by the export')

  nodes.push(
    node('Softmax', ['logits'], [PROBABILITIES_NAME], [intAttribute('axis', 1)]),
    // ArgMax reads the logits rather than the probabilities so saturated softmax values cannot cause ties.
    node('ArgMax', ['logits'], [LABEL_NAME], [intAttribute('axis', 1), intAttribute('keepdims', 0)]),
  )

  const model = onnx.ModelProto.create({
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    producerName: 'training/train.ts',
    modelVersion: options.modelVersion,
    docString: options.description,
    metadataProps: [
      { key: 'labels', value: JSON.stringify(options.labels) },
      { key: 'feature_names', value: JSON.stringify(options.featureNames) },
    ],
    graph: {
      name: options.graphName,
      node: nodes,
      initializer: initializers,
      input: [tensorValueInfo(INPUT_NAME, onnx.TensorProto.DataType.FLOAT, [BATCH_DIM, featureCount])],
      output: [
        tensorValueInfo(PROBABILITIES_NAME, onnx.TensorProto.DataType.FLOAT, [BATCH_DIM, classCount]),
        tensorValueInfo(LABEL_NAME, onnx.TensorProto.DataType.INT64, [BATCH_DIM]),
      ],
    },
  })
  const problem = onnx.ModelProto.verify(model)
  if (problem) throw new Error(`invalid ONNX model: ${problem}`)
  return onnx.ModelProto.encode(model).finish()
}

/** Float tensor stored as raw little-endian bytes, the compact encoding ONNX readers expect. */
function floatTensor(name: string, dims: number[], values: readonly number[]): TensorProto {
  const expected = dims.reduce((product, dim) => product * dim, 1)
  if (values.length !== expected)
    throw new Error(`${name}: ${values.length} values for dims ${dims.join('x')}`)
  const bytes = new Uint8Array(values.length * 4)
  const view = new DataView(bytes.buffer)
  values.forEach((value, index) => {
    view.setFloat32(index * 4, value, true)
  })
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: bytes }
}

function node(
  opType: string,
  input: string[],
  output: string[],
  attribute: AttributeProto[] = [],
): NodeProto {
  return { opType, input, output, attribute, name: `${output[0]}_${opType.toLowerCase()}` }
}

/** ONNX rejects attributes whose type is left UNDEFINED, so the type is always set explicitly. */
function intAttribute(name: string, value: number): AttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: value }
}

/** A string dimension becomes a symbolic dim_param (e.g. the batch size), a number a fixed dim_value. */
function tensorValueInfo(
  name: string,
  elemType: number,
  shape: readonly (string | number)[],
): ValueInfoProto {
  const dim = shape.map((size) => (typeof size === 'string' ? { dimParam: size } : { dimValue: size }))
  return { name, type: { tensorType: { elemType, shape: { dim } } } }
}
