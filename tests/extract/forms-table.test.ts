// Each clause recogniser against its table of valid and invalid lines, the way textlint tests a rule: adding a form
// is one entry in src/extract/forms/ and rows here. A row's expectation is the roles read, in order ("l:A r:B c:C",
// "p:" for people), or null when the line holds no clause of that form.
import { describe, expect, it } from 'vitest';
import { bracket } from '../../src/extract/forms/bracket.js';
import { labelLine } from '../../src/extract/forms/label-line.js';
import { sentence } from '../../src/extract/forms/sentence.js';
import type { Recogniser } from '../../src/extract/forms/types.js';
import { defaultLexicon as lex } from '../../src/extract/lexicon.js';
import { normalizeText } from '../../src/normalize/index.js';

/** Run one recogniser over one line the way find-clauses does, and show what it read. */
function read(r: Recogniser, line: string): string | null {
  const parse = normalizeText(line).parse;
  if (!r.test(parse, lex)) return null;
  const { clauses } = r.read({ parse, start: 0, end: parse.length, lex, taken: [] });
  if (!clauses.length) return null;
  return clauses
    .flatMap((c) => [
      ...c.reading.mentions.map((m) => `${m.role[0]}:${m.level ?? ''}${parse.slice(m.start, m.end)}`),
      ...c.reading.leaders.map((p) => `p:${parse.slice(p.start, p.nameEnd)}`),
    ])
    .join(' ');
}

const table = (r: Recogniser, rows: ReadonlyArray<readonly [string, string | null]>) =>
  describe(r.id, () => {
    it.each(rows)('%s', (line, expected) => expect(read(r, line)).toBe(expected));
  });

table(labelLine, [
  ['牵头单位：县发改局', 'l:县发改局'],
  ['责任单位：区财政局，市自然资源和规划局北溪分局、各街道办事处', 'r:区财政局 r:市自然资源和规划局北溪分局 r:各街道办事处'],
  ['责任单位：区民政局；区卫生健康局；各街道办事处', 'r:区民政局 r:区卫生健康局 r:各街道办事处'],
  ['责任领导：王某（副县长）；牵头单位：县发改局；责任单位：县财政局、各乡镇；完成时限：2024年12月底', 'l:县发改局 r:县财政局 r:各乡镇 p:王某'],
  ['牵头单位:区城市更新服务中心', 'l:区城市更新服务中心'],
  ['责任领导：  牵头单位：县农业农村局  责任单位：县财政局', 'l:县农业农村局 r:县财政局'],
  ['牵头单位：县交通运输局　配合单位：县公安局交警大队、各乡镇人民政府', 'l:县交通运输局 c:县公安局交警大队 c:各乡镇人民政府'],
  ['责任单位：县发改局（牵头）、县财政局', 'l:县发改局 r:县财政局'],
  ['牵头科室：党建工作办公室', 'l:党建工作办公室'],
  ['责任股室：计划财务股；配合单位：县公共资源交易中心', 'r:计划财务股 c:县公共资源交易中心'],
  ['分管领导：王志远（副区长）、刘敏（区政府党组成员）', 'p:王志远 p:刘敏'],
  ['完成时限：2024年底', null],
  ['责任单位在年底前报送进展情况', null],
  ['各单位要高度重视，按时完成任务。', null],
]);

table(bracket, [
  ['完善制度。（区文化旅游广电体育局牵头，区民政局、区发展和改革局按职责分工负责）', 'l:区文化旅游广电体育局 r:区民政局 r:区发展和改革局'],
  ['推进改革。(市工业和信息化局牵头,市发展改革委、市商务局配合)', 'l:市工业和信息化局 c:市发展改革委 c:市商务局'],
  ['推进改革。（责任单位：市商务局、市财政局）', 'r:市商务局 r:市财政局'],
  ['推进改革。[责任单位:县卫生健康局、县人民医院]', 'r:县卫生健康局 r:县人民医院'],
  ['推进改革。【牵头单位：县卫生健康局】【责任单位：县委编办、县人民医院】', 'l:县卫生健康局 r:县委编办 r:县人民医院'],
  ['推进改革。【牵头单位】县教育局【责任单位】县财政局、县人社局', 'l:县教育局 r:县财政局 r:县人社局'],
  ['推进改革。〔责任单位：县民政局〕', 'r:县民政局'],
  ['推进改革。（牵头单位：A局，配合单位：B局、C局，各区、县级市）', 'l:A局 c:B局 c:C局 c:各区、县级市'],
  ['推进改革。（县教育局〔牵头〕、县财政局）', 'l:县教育局 r:县财政局'],
  ['推进改革。（省科技厅、工业和信息化厅、发展改革委按职责分工负责）', 'r:省科技厅 r:省工业和信息化厅 r:省发展改革委'],
  ['推进改革。（省商务厅和省人力资源社会保障厅牵头）', 'l:省商务厅 l:省人力资源社会保障厅'],
  ['推进改革。（市数据局会同市财政局、市国资委负责）', 'l:市数据局 r:市财政局 r:市国资委'],
  ['推进改革。（县人社局牵头，县财政局配合，2024年12月底前完成）', 'l:县人社局 c:县财政局'],
  ['推进改革。（市市场监管局负责，各区、县（市）人民政府落实属地责任）', 'r:市市场监管局 r:各区、县(市)人民政府'],
  ['推进改革。（牵头：县应急管理局；配合：县公安局、县交通运输局）', 'l:县应急管理局 c:县公安局 c:县交通运输局'],
  ['推进改革。（责任领导：王某；牵头单位：县水利局）', 'l:县水利局 p:王某'],
  ['新增托位100个（含普惠托位60个）。', null],
  ['县发改局（粮食局）统筹推进。', null],
  ['张武政办发〔2024〕2号', null],
]);

table(sentence, [
  ['由县自然资源局牵头，县农业农村局、县统计局配合，各乡镇（街道）具体落实。', 'l:县自然资源局 c:县农业农村局 c:县统计局 r:各乡镇(街道)'],
  ['县农业农村局负责，县自然资源局协助。', 'r:县农业农村局 c:县自然资源局'],
  ['补充耕地项目由县自然资源局会同县农业农村局负责组织实施，确保数量不减少。', 'l:县自然资源局 r:县农业农村局'],
  ['此项工作由市数据局会同市委网信办负责。', 'l:市数据局 r:市委网信办'],
  ['区财政局要会同区发展改革局做好项目申报。', 'l:区财政局 r:区发展改革局'],
  ['市商务局负责，各县（市、区）人民政府落实。', 'r:市商务局 r:各县(市、区)人民政府'],
  ['区城投公司为责任单位，国网澄浦供电公司参与。', 'r:区城投公司 c:国网澄浦供电公司'],
  ['统计局负责，人社局、税务局和供电公司协助。', 'r:统计局 c:人社局 c:税务局 c:供电公司'],
  ['各区县政府负责具体实施。', 'r:各区县政府'],
  ['各牵头单位要切实履行牵头责任。', null],
  ['由县政府主要负责同志任主任。', null],
  ['由副县长李某某负责统筹。', null],
  ['持续强化企业负责人教育培训。', null],
  ['各有关单位要按照职责分工负责。', null],
  ['排在第一位的部门为牵头单位，其他部门按职责分工负责。', null],
  ['制定出台具体实施办法。', null],
]);
