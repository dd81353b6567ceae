export type { Plant, Role } from './actor';
export { type GeneratedCampaign, type GeneratorOptions, generateCampaign } from './generate';
export { Prng } from './prng';
export { type ProvinceInfo, provinces } from './fictional';
