import { creditCodeCheckChar, organisationCodeCheckChar } from '../../domain/campaign';
import type { Prng } from './prng';

/**
 * Reference tables and builders for a fictional campaign: real provinces of the rare-earth
 * regions, but every enterprise, person, phone number and document number made up and marked so.
 */

export interface ProvinceInfo {
  name: string;
  /** Province-level division code: the first digits of credit codes and invoice codes. */
  code: string;
  /** The one-character abbreviation document numbers start with. */
  abbreviation: string;
  /** Whether it has rare-earth mines, and the concentrate they produce. */
  ore?: string;
  weight: number;
}

export const provinces: readonly ProvinceInfo[] = [
  { name: '内蒙古自治区', code: '15', abbreviation: '蒙', ore: '混合型稀土精矿', weight: 3 },
  { name: '江西省', code: '36', abbreviation: '赣', ore: '离子型稀土矿', weight: 4 },
  { name: '广东省', code: '44', abbreviation: '粤', ore: '离子型稀土矿', weight: 2 },
  { name: '福建省', code: '35', abbreviation: '闽', ore: '离子型稀土矿', weight: 2 },
  { name: '广西壮族自治区', code: '45', abbreviation: '桂', ore: '离子型稀土矿', weight: 2 },
  { name: '湖南省', code: '43', abbreviation: '湘', ore: '离子型稀土矿', weight: 2 },
  { name: '四川省', code: '51', abbreviation: '川', ore: '氟碳铈矿精矿', weight: 2 },
  { name: '山东省', code: '37', abbreviation: '鲁', ore: '氟碳铈矿精矿', weight: 1 },
  { name: '云南省', code: '53', abbreviation: '滇', ore: '离子型稀土矿', weight: 1 },
  { name: '江苏省', code: '32', abbreviation: '苏', weight: 2 },
];

export const smeltedProducts = ['氧化镨钕', '氧化镧', '氧化铈', '氧化镝', '氧化铽', '氧化钇', '混合氯化稀土'] as const;
export const recycledProduct = '回收氧化镨钕';

const tradeNames = ['青山', '金源', '华瑞', '鑫达', '宏泰', '永兴', '恒通', '瑞丰', '东岭', '长盛', '远航', '盛和'];
const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const titles = ['总经理', '办公室主任', '生产部经理', '财务总监', '销售经理'];

export function weightedProvince(rng: Prng, candidates: readonly ProvinceInfo[]): ProvinceInfo {
  const total = candidates.reduce((sum, p) => sum + p.weight, 0);
  let r = rng.next() * total;
  for (const p of candidates) {
    r -= p.weight;
    if (r < 0) return p;
  }
  return candidates[candidates.length - 1];
}

/**
 * A well-formed code with valid check characters. The organisation-code part is a bijection of
 * the serial number (multiplying by a prime coprime to 10^8, plus a per-seed offset), so codes
 * never collide and still look scattered.
 */
export function creditCode(province: ProvinceInfo, serial: number, offset: number): string {
  const body = String((serial * 7919 + offset) % 100_000_000).padStart(8, '0');
  const first17 = `91${province.code}0100${body}${organisationCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

export interface FictionalIdentity {
  name: string;
  address: string;
  legalRepresentative: string;
  phone: string;
  contact: string;
  contactTitle: string;
  mobile: string;
}

/** Names carry 虚构 and "fictional" plus the serial, so they are unique and cannot be mistaken for real firms. */
export function fictionalIdentity(rng: Prng, province: ProvinceInfo, business: string, serial: number): FictionalIdentity {
  const trade = rng.pick(tradeNames);
  return {
    name: `虚构${province.abbreviation}${trade}稀土${business}有限公司（虚构 fictional No.${serial + 1}）`,
    address: `${province.name}虚构市${rng.pick(tradeNames)}路${rng.int(1, 999)}号（虚构地址）`,
    legalRepresentative: `${rng.pick(surnames)}某`,
    // Local numbers never start with 0 and no mobile numbers start with 100: these reach nobody.
    phone: `0${rng.int(100, 999)}-0${rng.int(100000, 999999)}`,
    contact: `${rng.pick(surnames)}某某`,
    contactTitle: rng.pick(titles),
    mobile: `100${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
  };
}
