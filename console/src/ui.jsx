// Small pieces every page uses: the pager, the delete confirmation, a form field with
// its error beside it, the picture upload with its preview.
import { useEffect, useState } from 'preact/hooks';
import { upload } from './api.js';
import { picturesOf } from './answers.js';

export function Pager({ offset, count, total, onPage }) {
  const page = Math.floor(offset / count) + 1;
  const pages = Math.max(1, Math.ceil(total / count));
  return (
    <div class="pager" data-testid="pager">
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - count))}>
        上一页
      </button>
      <span>
        第 {page} / {pages} 页，共 {total} 条
      </span>
      <button type="button" disabled={offset + count >= total} onClick={() => onPage(offset + count)}>
        下一页
      </button>
    </div>
  );
}

export function Confirm({ text, onYes, onNo, yesLabel = '确认删除' }) {
  return (
    <div class="modal" role="dialog" aria-modal="true" aria-label="确认">
      <div class="modal-box">
        <p>{text}</p>
        <div class="actions">
          <button type="button" class="danger" onClick={onYes}>
            {yesLabel}
          </button>
          <button type="button" onClick={onNo}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}

export function Notice({ error, message }) {
  if (error) {
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  }
  if (message) {
    return (
      <p class="ok" role="status">
        {message}
      </p>
    );
  }
  return null;
}

const MAX_PICTURE_BYTES = 3 * 1024 * 1024;

// Uploads each chosen file to /manager/media!upload and keeps the URLs it answers.
// The preview shows the local file at once (a blob: URL), then the uploaded one.
export function PictureField({ name, label, multiple, value, onChange, error }) {
  const urls = picturesOf(value);
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState('');
  const [previews, setPreviews] = useState([]);

  useEffect(() => () => previews.forEach((p) => URL.revokeObjectURL(p)), [previews]);

  async function choose(event) {
    const files = Array.from(event.currentTarget.files || []);
    event.currentTarget.value = '';
    if (!files.length) return;
    setUploadError('');
    const tooLarge = files.find((f) => f.size > MAX_PICTURE_BYTES);
    if (tooLarge) {
      setUploadError(`图片 ${tooLarge.name} 超过 3 MB`);
      return;
    }
    setPreviews(files.map((f) => URL.createObjectURL(f)));
    setBusy(true);
    try {
      const added = [];
      for (const file of files) {
        const { data } = await upload('/manager/media!upload', file);
        const url = data.url || data.pic || data.picUrl || picturesOf(data.picList)[0];
        if (!url) throw new Error('上传应答缺少图片地址');
        added.push(url);
      }
      onChange(multiple ? [...urls, ...added] : added[0]);
    } catch (e) {
      setUploadError(e.info || e.message);
    } finally {
      setBusy(false);
      setPreviews([]);
    }
  }

  function remove(url) {
    onChange(multiple ? urls.filter((u) => u !== url) : '');
  }

  const shownError = uploadError || error;
  return (
    <div class={`field${shownError ? ' has-error' : ''}`} data-field={name}>
      <label for={`f-${name}`}>{label}</label>
      <div class="pictures">
        {urls.map((url) => (
          <figure key={url} class="thumb">
            <img src={url} alt={label} data-testid="picture-preview" />
            <button type="button" class="link" onClick={() => remove(url)}>
              移除
            </button>
          </figure>
        ))}
        {previews.map((url) => (
          <figure key={url} class="thumb pending">
            <img src={url} alt="上传中" />
          </figure>
        ))}
      </div>
      <input
        id={`f-${name}`}
        name={name}
        type="file"
        accept="image/png,image/jpeg,image/bmp,image/gif"
        multiple={multiple}
        disabled={busy}
        onChange={choose}
      />
      {busy && <span class="hint">上传中…</span>}
      {shownError && (
        <span class="field-error" role="alert">
          {shownError}
        </span>
      )}
    </div>
  );
}

export function Field({ field, value, options, error, onChange }) {
  const id = `f-${field.name}`;
  const common = {
    id,
    name: field.name,
    required: field.required,
    'aria-invalid': error ? 'true' : undefined,
  };
  let input;
  if (field.type === 'textarea') {
    input = (
      <textarea {...common} rows={3} value={value ?? ''} onInput={(e) => onChange(e.currentTarget.value)} />
    );
  } else if (field.type === 'select') {
    input = (
      <select {...common} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{field.empty || '请选择'}</option>
        {(options || field.options || []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        {...common}
        type={field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'}
        step={field.step}
        maxLength={field.maxLength}
        value={value ?? ''}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <div class={`field${error ? ' has-error' : ''}`} data-field={field.name}>
      <label for={id}>
        {field.label}
        {field.required && <span class="required">*</span>}
      </label>
      {input}
      {error && (
        <span class="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
