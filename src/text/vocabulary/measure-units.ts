/**
 * Measurement units written in Latin letters inside Chinese text (全长12km, 10kV线路, 500MB). A
 * question may write a unit one way and a report another (12公里), so a unit the reports never print
 * says nothing about whether they cover the question. One row per unit, lower-case (search form),
 * with an example of a question that writes it.
 */
export interface MeasureUnit {
  unit: string;
  example: string;
}

export const MEASURE_UNIT_ROWS: readonly MeasureUnit[] = [
  { unit: 'km', example: '这条公路全长多少km？' },
  { unit: 'cm', example: '降雪厚度达到多少cm？' },
  { unit: 'mm', example: '全天降雨量有多少mm？' },
  { unit: 'kg', example: '每户补贴大米多少kg？' },
  { unit: 'kv', example: '新建的kV变电站在哪里？' },
  { unit: 'kw', example: '光伏电站装机多少kW？' },
  { unit: 'mw', example: '风电项目装机容量多少MW？' },
  { unit: 'gw', example: '全省新能源装机多少GW？' },
  { unit: 'kwh', example: '全年发电多少kWh？' },
  { unit: 'ml', example: '每人献血多少ml？' },
  { unit: 'mb', example: '政务网带宽是多少MB？' },
  { unit: 'gb', example: '数据中心存储多少GB？' },
  { unit: 'tb', example: '数据平台容量多少TB？' },
  { unit: 'ha', example: '造林面积多少ha？' },
  { unit: 'mu', example: '流转土地多少mu？' },
  { unit: 'km2', example: '新区规划面积多少km2？' },
  { unit: 'm2', example: '新建厂房多少m2？' },
  { unit: 'm3', example: '水库库容多少m3？' },
];

export const MEASURE_UNITS: ReadonlySet<string> = new Set(MEASURE_UNIT_ROWS.map((r) => r.unit));
