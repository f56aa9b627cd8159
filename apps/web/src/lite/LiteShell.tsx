import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import './lite.css';

/** The frame of the public pages: no menu and no login, readable on a phone. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="gy-l">
      <header className="gy-l-head">
        <span className="gy-l-brand">共议</span>
        <span className="gy-l-head-title">{title}</span>
        <Link to="/login">登录</Link>
      </header>
      <main className="gy-l-main">{children}</main>
    </div>
  );
}

/** The centred card of the sign-in pages. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="gy-l">
      <main className="gy-l-auth">
        <div className="gy-l-auth-card">
          <h1 className="gy-l-center" style={{ margin: '0 0 4px', fontSize: '1.55em' }}>
            共议
          </h1>
          <p className="gy-l-muted gy-l-center">业主委员会议事与决策记录</p>
          <h2 style={{ fontSize: '1.3em' }}>{title}</h2>
          {children}
        </div>
      </main>
    </div>
  );
}
