/**
 * Administrative division codes (GB/T 2260, 中华人民共和国行政区划代码) that
 * Huzhu knows by name: every provincial-level division (34, Taiwan, Hong Kong
 * and Macao included), and for the provinces whose plans ship with Huzhu
 * (Shaanxi 61, Shanghai 31) every prefecture and county-level division, as
 * the Ministry of Civil Affairs lists them at the end of 2023. Another
 * province's code is checked on its structure alone (`region-code.ts`); its
 * cities and counties are added here when a plan for it ships.
 */

export const provinceNames: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区',
}

/** Provincial-level divisions listed in GB/T 2260 by their own code only (no cities or counties under them). */
export const provincesWithoutSubdivisions: ReadonlySet<string> = new Set(['71', '81', '82'])

/**
 * Prefecture-level code (6 digits, ending 00) → its name and its county-level
 * divisions, written compactly as "<last two digits><name>" separated by spaces.
 * Shanghai's districts sit under 310100 (市辖区), as GB/T 2260 has them.
 */
const subdivisions: Readonly<Record<string, readonly [string, string]>> = {
  '310100': ['市辖区', '01黄浦区 04徐汇区 05长宁区 06静安区 07普陀区 09虹口区 10杨浦区 12闵行区 13宝山区 14嘉定区 15浦东新区 16金山区 17松江区 18青浦区 20奉贤区 51崇明区'],
  '610100': ['西安市', '02新城区 03碑林区 04莲湖区 11灞桥区 12未央区 13雁塔区 14阎良区 15临潼区 16长安区 17高陵区 18鄠邑区 22蓝田县 24周至县'],
  '610200': ['铜川市', '02王益区 03印台区 04耀州区 22宜君县'],
  '610300': ['宝鸡市', '02渭滨区 03金台区 04陈仓区 05凤翔区 23岐山县 24扶风县 26眉县 27陇县 28千阳县 29麟游县 30凤县 31太白县'],
  '610400': ['咸阳市', '02秦都区 03杨陵区 04渭城区 22三原县 23泾阳县 24乾县 25礼泉县 26永寿县 28长武县 29旬邑县 30淳化县 31武功县 81兴平市 82彬州市'],
  '610500': ['渭南市', '02临渭区 03华州区 22潼关县 23大荔县 24合阳县 25澄城县 26蒲城县 27白水县 28富平县 81韩城市 82华阴市'],
  '610600': ['延安市', '02宝塔区 03安塞区 21延长县 22延川县 25志丹县 26吴起县 27甘泉县 28富县 29洛川县 30宜川县 31黄龙县 32黄陵县 81子长市'],
  '610700': ['汉中市', '02汉台区 03南郑区 22城固县 23洋县 24西乡县 25勉县 26宁强县 27略阳县 28镇巴县 29留坝县 30佛坪县'],
  '610800': ['榆林市', '02榆阳区 03横山区 22府谷县 24靖边县 25定边县 26绥德县 27米脂县 28佳县 29吴堡县 30清涧县 31子洲县 81神木市'],
  '610900': ['安康市', '02汉滨区 21汉阴县 22石泉县 23宁陕县 24紫阳县 25岚皋县 26平利县 27镇坪县 29白河县 81旬阳市'],
  '611000': ['商洛市', '02商州区 21洛南县 22丹凤县 23商南县 24山阳县 25镇安县 26柞水县'],
}

export interface RegionEntry {
  code: string
  name: string
}

/** Every named division below provincial level: code → name (prefectures end in 00). */
export const subdivisionNames: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, string>()
  for (const [cityCode, [cityName, counties]] of Object.entries(subdivisions)) {
    names.set(cityCode, cityName)
    for (const entry of counties.split(' ')) names.set(cityCode.slice(0, 4) + entry.slice(0, 2), entry.slice(2))
  }
  return names
})()

/** Provinces whose every prefecture and county Huzhu knows: a code under them must be one of those. */
export const provincesListedInFull: ReadonlySet<string> = new Set(Object.keys(subdivisions).map((code) => code.slice(0, 2)))

/** The 34 provincial-level divisions, by code. */
export function provinces(): RegionEntry[] {
  return Object.entries(provinceNames).map(([code, name]) => ({ code: `${code}0000`, name }))
}

/**
 * The named divisions directly under `parentCode`: a province's prefectures
 * (`610000` → 610100 西安市 …) or a prefecture's counties (`610100` → 610102
 * 新城区 …). Empty where Huzhu has no names.
 */
export function regionChildren(parentCode: string): RegionEntry[] {
  const province = parentCode.slice(0, 2)
  const isProvince = parentCode.endsWith('0000')
  const out: RegionEntry[] = []
  for (const [code, name] of subdivisionNames) {
    if (!code.startsWith(province)) continue
    const isCity = code.endsWith('00')
    if (isProvince ? isCity : !isCity && code.startsWith(parentCode.slice(0, 4))) out.push({ code, name })
  }
  return out.sort((a, b) => a.code.localeCompare(b.code))
}
