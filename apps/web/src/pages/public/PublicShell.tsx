import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** The frame of the public pages: no menu and no login, readable on a phone. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh' }}>
      <header style={{ background: '#1f5fa8', padding: '14px 16px', display: 'flex', alignItems: 'center', gap: 12 }}>
        <span className="gy-brand">共议</span>
        <span style={{ color: '#fff', fontSize: 18, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{title}</span>
        <span style={{ flex: 1 }} />
        <Link to="/login" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          登录
        </Link>
      </header>
      <main className="gy-content" style={{ maxWidth: 900 }}>
        {children}
      </main>
    </div>
  );
}
