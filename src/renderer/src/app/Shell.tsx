import {
  BookOutlined,
  DesktopOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  HomeOutlined,
  ReadOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { Layout, Menu, Segmented, Space, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useLocale, useMessages } from '../i18n/locale-context'
import { shellMessages } from '../i18n/messages/shell'
import { useAppState } from './app-state'
import { hrefFor, type PageId } from './routes'

/** The desktop layout: a navigation sider, a header with the page title and language switch, the page. */
export function Shell(props: { page: PageId; children: ReactNode }): React.JSX.Element {
  const t = useMessages(shellMessages)
  const { locale, setLocale } = useLocale()
  const { settings } = useAppState()
  const teacher = settings.settings.mode === 'teacher'
  const items: { key: PageId; icon: ReactNode; label: string }[] = [
    { key: 'home', icon: <HomeOutlined />, label: t.nav.home },
    { key: 'host', icon: <DesktopOutlined />, label: t.nav.host },
    { key: 'labs', icon: <ExperimentOutlined />, label: t.nav.labs },
    { key: 'lessons', icon: <BookOutlined />, label: t.nav.lessons },
    { key: 'glossary', icon: <ReadOutlined />, label: t.nav.glossary },
    { key: 'records', icon: <FileDoneOutlined />, label: t.nav.records },
    ...(teacher ? [{ key: 'teacher' as const, icon: <TeamOutlined />, label: t.nav.teacher }] : []),
    { key: 'settings', icon: <SettingOutlined />, label: t.nav.settings },
  ]
  const title = items.find((item) => item.key === props.page)?.label ?? t.nav.home
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={216} theme="light" style={{ borderRight: '1px solid #e5e7eb' }} breakpoint="lg">
        <div className="brand" data-testid="brand">
          <img src="./icon.svg" alt="" width={36} height={36} />
          <div>
            <div className="brand-name">{t.appName}</div>
            <div className="brand-sub">{t.appSubtitle}</div>
          </div>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[props.page]}
          items={items.map((item) => ({
            key: item.key,
            icon: item.icon,
            label: (
              <a href={hrefFor(item.key)} data-testid={`nav-${item.key}`}>
                {item.label}
              </a>
            ),
          }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }} data-testid="page-title">
            {title}
          </Typography.Title>
          <Space>
            <Typography.Text type="secondary">{t.language}</Typography.Text>
            <Segmented
              size="small"
              value={locale}
              onChange={(value) => void setLocale(value as 'zh-CN' | 'en')}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'EN', value: 'en' },
              ]}
              data-testid="language-switch"
            />
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">{props.children}</Layout.Content>
        <Layout.Footer className="app-footer">{t.footer}</Layout.Footer>
      </Layout>
    </Layout>
  )
}
