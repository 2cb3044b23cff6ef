/**
 * Authorities every installation has: the ministry, 中价协, the 香港地区 route and the provinces of the built-in
 * programs. Reference data, not demo data: a production database without demo data still has them.
 * Provinces an authority adds as data bring their own authority in the same JSON file (see
 * lib/server/reference-files.ts).
 */
import type { AuthorityDefinition } from "@/lib/schemas/reference-data";

const HOURS = "工作日 8:30-12:00，13:30-17:00";

export const BUILT_IN_AUTHORITIES: readonly AuthorityDefinition[] = [
  {
    code: "mohurd",
    name: "住房和城乡建设部",
    level: "ministry",
    numberingCode: "00",
    officeCode: "0000",
    contactPhone: "010-88361866",
    officeHours: HOURS,
    contactAddress: "北京市海淀区三里河路9号",
  },
  {
    code: "ceca",
    name: "中国建设工程造价管理协会",
    level: "association",
    numberingCode: "00",
    officeCode: "0001",
    parentCode: "mohurd",
    contactPhone: "010-68318870",
    officeHours: HOURS,
    contactAddress: "北京市海淀区三里河路9号建设部北配楼",
  },
  // 香港地区 → 中价协 → 住建部 (`000` §三.1): the hierarchy is the parent chain.
  {
    code: "hk",
    name: "香港地区（香港测量师学会工料测量组）",
    level: "hk_route",
    provinceCode: "81",
    numberingCode: "81",
    officeCode: "8101",
    parentCode: "ceca",
    contactPhone: "852-25263679",
    officeHours: "星期一至五 9:00-17:30",
    contactAddress: "香港上环干诺道中111号永安中心12楼1205室",
  },
  {
    code: "sh",
    name: "上海市住房和城乡建设管理委员会",
    level: "provincial",
    provinceCode: "31",
    numberingCode: "01",
    officeCode: "3100",
    parentCode: "mohurd",
    contactPhone: "021-962600",
    officeHours: HOURS,
    contactAddress: "上海市大沽路100号",
  },
  {
    code: "zj",
    name: "浙江省住房和城乡建设厅",
    level: "provincial",
    provinceCode: "33",
    numberingCode: "01",
    officeCode: "3300",
    parentCode: "mohurd",
    contactPhone: "0571-87055029",
    officeHours: HOURS,
    contactAddress: "杭州市文晖路1号",
  },
  {
    code: "bj",
    name: "北京市住房和城乡建设委员会",
    level: "provincial",
    provinceCode: "11",
    numberingCode: "01",
    officeCode: "1100",
    parentCode: "mohurd",
    contactPhone: "010-59958811",
    officeHours: HOURS,
    contactAddress: "北京市西城区广莲路1号",
  },
];
