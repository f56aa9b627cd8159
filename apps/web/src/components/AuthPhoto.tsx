import { Flex, Image, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { fetchFile, servedFile } from '../api/http';

/** A photo behind the login (requests, rectification): fetched with the bearer token as a blob, shown as a thumbnail. */
export function AuthPhoto({ url, label }: { url: string; label: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let object: string | undefined;
    void fetchFile(servedFile(url)).then((f) => {
      object = URL.createObjectURL(f.blob);
      setSrc(object);
    });
    return () => {
      if (object) URL.revokeObjectURL(object);
    };
  }, [url]);
  return (
    <Flex vertical align="center" gap={2}>
      {src ? <Image src={src} width={96} height={96} style={{ objectFit: 'cover' }} alt={`${label}照片`} /> : <Skeleton.Image />}
      <Typography.Text type="secondary">{label}</Typography.Text>
    </Flex>
  );
}
