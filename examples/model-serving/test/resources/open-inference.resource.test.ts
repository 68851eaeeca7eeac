import { describe, expect, it } from 'vitest'
import { appUnderTest } from '../support/http.js'
import { trainingReference } from '../support/models.js'

const twoFlowers = {
  name: 'input',
  shape: [2, 4],
  datatype: 'FP32',
  data: [5.1, 3.5, 1.4, 0.2, 6.7, 3.1, 4.4, 1.4],
}

describe('the Open Inference Protocol (KServe V2)', () => {
  const app = appUnderTest()

  it('says the server is live and ready, and describes it', async () => {
    expect((await app.http.get('/v2/health/live').expect(200)).body).toEqual({ live: true })
    expect((await app.http.get('/v2/health/ready').expect(200)).body).toEqual({ ready: true })
    expect((await app.http.get('/v2').expect(200)).body).toEqual({
      name: 'model-serving',
      version: expect.any(String),
      extensions: [],
    })
  })

  it('says a model, and one version of it, is ready', async () => {
    expect((await app.http.get('/v2/models/iris/ready').expect(200)).body).toEqual({
      name: 'iris',
      ready: true,
    })
    await app.http.get('/v2/models/iris/versions/1/ready').expect(200)
  })

  it('describes a model: its versions, inputs and outputs', async () => {
    const response = await app.http.get('/v2/models/iris').expect(200)

    expect(response.body).toEqual({
      name: 'iris',
      versions: ['1', '2'],
      platform: 'onnxruntime_onnx',
      inputs: [{ name: 'input', datatype: 'FP32', shape: [-1, 4] }],
      outputs: [
        { name: 'probabilities', datatype: 'FP32', shape: [-1, 3] },
        { name: 'label', datatype: 'INT64', shape: [-1] },
      ],
    })
  })

  it('infers on an FP32 tensor of shape [2, 4], answering a tensor per output of the model', async () => {
    const response = await app.http
      .post('/v2/models/iris/infer')
      .send({ id: 'request-7', inputs: [twoFlowers] })
      .expect(200)

    expect(response.body).toEqual({
      model_name: 'iris',
      model_version: '2',
      id: 'request-7',
      outputs: [
        { name: 'probabilities', datatype: 'FP32', shape: [2, 3], data: expect.any(Array) },
        { name: 'label', datatype: 'INT64', shape: [2], data: [0, 1] },
      ],
    })
    expect(response.body.outputs[0].data).toHaveLength(6)
  })

  it('infers with the version named in the path, on nested data, answering the outputs asked for', async () => {
    const reference = await trainingReference(1)

    const response = await app.http
      .post('/v2/models/iris/versions/1/infer')
      .send({
        inputs: [
          { name: 'input', shape: [reference.inputs.length, 4], datatype: 'FP32', data: reference.inputs },
        ],
        outputs: [{ name: 'label' }],
      })
      .expect(200)

    expect(response.body.model_version).toBe('1')
    expect(response.body.outputs).toEqual([
      { name: 'label', datatype: 'INT64', shape: [reference.inputs.length], data: reference.labels },
    ])
  })

  it.each([
    [{ ...twoFlowers, datatype: 'FP64' }, 'input "input": expected datatype FP32, got FP64'],
    [
      { ...twoFlowers, shape: [4, 2] },
      'input "input": expected shape [-1, 4] (-1: one or more instances), got [4, 2]',
    ],
    [{ ...twoFlowers, data: [1, 2, 3] }, 'input "input": data: expected shape [2, 4], got [3]'],
    [
      { ...twoFlowers, data: [5.1, 3.5, 1.4, 0.2, 6.7, 'NaN', 4.4, 1.4] },
      'instance 1: input "input" at [1]: "NaN" is a string, not a number',
    ],
    [{ ...twoFlowers, name: 'features' }, 'the model has no input "features"; its inputs are "input"'],
  ])('refuses a tensor that does not fit with 400: %j', async (tensor, detail) => {
    const response = await app.http
      .post('/v2/models/iris/infer')
      .send({ inputs: [tensor] })
      .expect(400)

    expect(response.body.detail).toBe(detail)
    expect(response.body.error).toBe(detail)
  })

  it('refuses an output the model lacks, and a body that is not a V2 request', async () => {
    const output = await app.http
      .post('/v2/models/iris/infer')
      .send({ inputs: [twoFlowers], outputs: [{ name: 'logits' }] })
      .expect(400)
    await app.http
      .post('/v2/models/iris/infer')
      .send({ instances: [[1, 2, 3, 4]] })
      .expect(400)

    expect(output.body.code).toBe('INFERENCE.OUTPUT_UNKNOWN')
  })

  it('answers an unknown model or version with 404', async () => {
    await app.http
      .post('/v2/models/cifar/infer')
      .send({ inputs: [twoFlowers] })
      .expect(404)
    await app.http.get('/v2/models/iris/versions/9').expect(404)
    await app.http.get('/v2/models/iris/versions/latest/ready').expect(404)
  })
})
