import { Alert, Button, Card, Checkbox, Descriptions, Space, Table, Typography, Upload } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api, query } from '../api';
import { useText } from '../language';
import { formLabels } from '../../../domain/labels';
import { desk } from '../deskLocale';
import type { Text } from '../locale';
import type { Me } from '../session';

/** A problem of a file as POST /imports and POST /directory/imports list it (422). */
interface Problem {
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
  reason: Text;
}

type Counts = Record<string, unknown>;
type Outcome = { ok: true; answer: Counts } | { ok: false; message: string; problems: Problem[] };

const countOf = (v: unknown) => (Array.isArray(v) ? v.length : typeof v === 'number' ? v : 0);

function useImport(path: string) {
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }): Promise<Outcome> => {
      try {
        return { ok: true, answer: await api<Counts>(`${path}${query({ fileName: file.name, dryRun: dryRun || undefined })}`, { method: 'POST', body: file }) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 422 && Array.isArray(error.details)) return { ok: false, message: error.message, problems: error.details as Problem[] };
        throw error;
      }
    },
  });
}

function ImportCard({ title, path, templates }: { title: string; path: string; templates: { file: string; label: string }[] }) {
  const t = useText();
  const upload = useImport(path);
  const [dryRun, setDryRun] = useState(false);
  const outcome = upload.data;
  // Annex 2 files have enterprises; a directory file offices and staff: each counted as the API answers.
  const groups = outcome?.ok ? (['agencies', 'staff'].some((k) => k in outcome.answer) ? ['agencies', 'staff'].filter((k) => k in outcome.answer) : ['']) : [];
  return (
    <Card title={title} className="block">
      <Space wrap>
        <Upload
          accept=".xlsx,.csv,.json"
          showUploadList={false}
          beforeUpload={(file) => (upload.mutate({ file, dryRun }), false)}
        >
          <Button type="primary" loading={upload.isPending}>
            {t(desk.chooseFile)}
          </Button>
        </Upload>
        <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
          {t(desk.dryRun)}
        </Checkbox>
        <span>
          {t(desk.templates)}
          {t(desk.colon)}
          {templates.map((tpl) => (
            <a key={tpl.file} href={`/templates/${tpl.file}`} className="template-link" download>
              {tpl.label}
            </a>
          ))}
        </span>
      </Space>
      {upload.isError && <Alert className="block" type="error" showIcon title={upload.error.message} />}
      {outcome && !outcome.ok && (
        <div className="block">
          <Alert type="error" showIcon title={t(desk.problems)} description={outcome.message} />
          <Table<Problem & { n: number }>
            className="block problems"
            rowKey="n"
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            dataSource={outcome.problems.map((p, n) => ({ ...p, n }))}
            columns={[
              { title: t(desk.sheet), dataIndex: 'sheet' },
              { title: t(desk.row), dataIndex: 'row', align: 'right' },
              { title: t(desk.column), dataIndex: 'column' },
              { title: t(desk.reason), dataIndex: 'reason', render: (r: Text) => t(r) },
            ]}
          />
        </div>
      )}
      {outcome?.ok && (
        <div className="block">
          <Alert type="success" showIcon title={outcome.answer.dryRun ? t(desk.checked) : t(desk.imported)} />
          <Descriptions bordered size="small" className="block import-counts" column={{ xs: 1, sm: 3 }}>
            {groups.flatMap((g) => {
              const counts = (g ? outcome.answer[g] : outcome.answer) as Counts | undefined;
              if (!counts) return [];
              return (['created', 'changed', 'unchanged'] as const)
                .filter((k) => k in counts)
                .map((k) => (
                  <Descriptions.Item key={`${g}-${k}`} label={`${g ? `${g} · ` : ''}${t(desk[k])}`}>
                    {countOf(counts[k])}
                  </Descriptions.Item>
                ));
            })}
            {typeof outcome.answer.enterprises === 'number' && <Descriptions.Item label={t(desk.enterprises)}>{outcome.answer.enterprises}</Descriptions.Item>}
          </Descriptions>
        </div>
      )}
    </Card>
  );
}

/** 导入: an annex 1 or 2 file (coordinators, the industry department), a directory file (administrators); every problem by sheet, row and column. */
export function ImportsPage({ me }: { me: Me }) {
  const t = useText();
  useEffect(() => {
    document.title = t(desk.imports);
  }, [t]);
  return (
    <section>
      <Typography.Title level={1}>{t(desk.imports)}</Typography.Title>
      {me.mayImportRecords && (
        <ImportCard
          title={t(desk.uploadFile)}
          path="/imports"
          templates={[
            { file: 'annex1.xlsx', label: t(formLabels.annex1) },
            { file: 'annex2.xlsx', label: t(formLabels.annex2) },
          ]}
        />
      )}
      {me.role === 'administrator' && <ImportCard title={t(desk.uploadDirectory)} path="/directory/imports" templates={[{ file: 'directory.xlsx', label: t(desk.directoryTemplate) }]} />}
    </section>
  );
}
