/** The header every inference answer carries: the version of the model that served it. */
export const modelVersionHeader = 'x-model-version'
