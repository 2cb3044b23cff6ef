import Link from "next/link";

export default function NotFound() {
  return (
    <div className="notfound">
      <div className="code">404</div>
      <h1>页面不存在</h1>
      <p>您访问的页面不存在，或当前登录身份无权访问。请返回首页，或使用对应身份重新登录。</p>
      <Link className="btn" href="/">
        返回首页
      </Link>
    </div>
  );
}
