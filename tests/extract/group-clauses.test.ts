// Responsibility stated once for a group of tasks — on the group's heading, or in a 以上任务由… line after the group's
// tasks — reaches each task of the group that has no clause of its own, and no other task.
import { describe, expect, it } from 'vitest';
import { allTasks, extractText, roles } from '../helpers.js';

const notice = (body: string) => `某县人民政府办公室关于印发《某县环境整治实施方案》的通知\n\n各乡镇人民政府，县直有关单位：\n现将方案印发给你们。\n\n某县人民政府办公室\n2024年3月1日\n\n某县环境整治实施方案\n\n一、重点任务\n${body}\n二、保障措施\n加强组织领导。\n`;
const read = (body: string) => allTasks(extractText(notice(body))).map((t) => `${t.number} ${roles(t)}`);

describe('a clause on the group heading', () => {
  it('is each task’s of the group without its own; a task with its own keeps it; another group takes nothing (where most group headings state none, so the numbered items are the tasks)', () => {
    expect(
      read(
        [
          '（一）推进厕所革命。牵头单位：县农业农村局；责任单位：县卫生健康局、各乡镇人民政府。',
          '1.推进户厕改造。每年改厕3000座。',
          '2.加强粪污处理。建设处理站5座。（县住建局负责）',
          '（二）治理生活污水。',
          '3.编制治理规划。2024年底前完成。',
          '4.建设污水管网。新建管网20公里。（县水利局牵头，县财政局配合）',
          '5.推进垃圾分类。开展试点。（县城管局负责）',
          '（三）提升村容村貌。',
          '6.推进村庄绿化。植树1万株。（县林业局负责）',
        ].join('\n'),
      ),
    ).toEqual(['1 l:县农业农村局 r:县卫生健康局 r:各乡镇人民政府', '2 r:县住建局', '3 ', '4 l:县水利局 c:县财政局', '5 r:县城管局', '6 r:县林业局']);
  });
});

describe('a 以上任务由… line after the tasks', () => {
  it('speaks for the tasks before it back to the previous such line, within the section', () => {
    expect(
      read(
        [
          '（一）治理生活污水',
          '1.编制治理规划。2024年底前完成。',
          '2.建设污水管网。新建管网20公里。',
          '以上任务由县生态环境分局牵头，县住建局、县水利局按职责分工负责。',
          '3.推进垃圾分类。开展试点。',
          '4.完善收运体系。新建转运站4座。',
          '以上工作由县城管局负责。',
          '（二）提升村容村貌',
          '5.推进村庄绿化。植树1万株。',
        ].join('\n'),
      ),
    ).toEqual([
      '1 l:县生态环境分局 r:县住建局 r:县水利局',
      '2 l:县生态环境分局 r:县住建局 r:县水利局',
      '3 r:县城管局',
      '4 r:县城管局',
      '5 ',
    ]);
  });

  it('a clause at the end of a task that does not speak of the tasks above stays that task’s', () => {
    expect(read(['（一）治理生活污水', '1.编制治理规划。2024年底前完成。', '2.建设污水管网。新建管网20公里。', '由县住建局负责。'].join('\n'))).toEqual(['1 ', '2 r:县住建局']);
  });
});
