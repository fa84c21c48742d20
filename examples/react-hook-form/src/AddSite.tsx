// An "add a site" page with react-hook-form and elevate-billing: no adapter, no rule restated.
// The resolver is the package's Standard Schema of Site; `formInput: true` turns what the
// inputs hold (text, '' when empty) into the request body by the model (numbers read from
// digits, empty inputs dropped), and that body is what `handleSubmit` hands over, typed as a
// Site. The messages are the package's, naming fields by the model's labels. What the server
// says about a field (a 409 for a site reference already taken) goes next to it too.

import { useState } from 'react';
import { useFieldArray, useForm, type FieldPath, type FieldValues, type UseFormRegister } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { describeField, ElevateApiError, standardSchema, type ElevateClient, type Site, type SiteRecord } from 'elevate-billing';

const schema = standardSchema('Site', { formInput: true });
const ROLES = describeField('Site', '/siteContacts/0/contactRole').allowed ?? [];

/** `/siteContacts/0/contactName` → `siteContacts.0.contactName`, react-hook-form's name for it. */
const fieldName = (pointer: string) => pointer.slice(1).split('/').join('.');

export function AddSite({ client }: { client: ElevateClient }) {
  const form = useForm({ resolver: standardSchemaResolver(schema), defaultValues: { siteContacts: [{}] } });
  const { register, handleSubmit, setError, control, formState } = form;
  const contacts = useFieldArray({ control, name: 'siteContacts' });
  const [created, setCreated] = useState<SiteRecord | null>(null);

  const onSubmit = handleSubmit(async (site: Site) => {
    setCreated(null);
    try {
      setCreated(await client.sites.create(site));
    } catch (e) {
      if (!(e instanceof ElevateApiError)) throw e;
      for (const issue of e.issues) setError(issue.path ? (fieldName(issue.path) as FieldPath<Site>) : 'root.server', { message: issue.message });
    }
  });

  const text = (name: string, label: string) => <Text name={name} label={label} register={register} error={errorAt(formState.errors, name)} />;
  return (
    <form onSubmit={onSubmit} noValidate>
      <h1>Add a site</h1>
      {text('customerId', 'Customer ID')}
      {text('siteName', 'Site name')}
      {text('siteReference', 'Site reference')}
      {text('startDate', 'Start date (yyyy-MM-dd)')}
      <fieldset>
        <legend>Site address</legend>
        <Message error={errorAt(formState.errors, 'siteAddress')} id="siteAddress-error" />
        {text('siteAddress.address1', 'Address line 1')}
        {text('siteAddress.town', 'Town')}
        {text('siteAddress.postcode', 'Postcode')}
        {text('siteAddress.country', 'Country')}
      </fieldset>
      {/* An untouched contact is no contact (the body drops it): then the list itself is missing. */}
      <Message error={errorAt(formState.errors, 'siteContacts')} id="siteContacts-error" />
      {contacts.fields.map((c, i) => (
        <fieldset key={c.id}>
          <legend>Contact {i + 1}</legend>
          {text(`siteContacts.${i}.contactName`, 'Name')}
          <label htmlFor={`siteContacts.${i}.contactRole`}>Role</label>
          <select
            id={`siteContacts.${i}.contactRole`}
            {...register(`siteContacts.${i}.contactRole`)}
            aria-invalid={errorAt(formState.errors, `siteContacts.${i}.contactRole`) ? 'true' : undefined}
          >
            <option value="">Choose…</option>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <Message error={errorAt(formState.errors, `siteContacts.${i}.contactRole`)} id={`siteContacts.${i}.contactRole-error`} />
          {text(`siteContacts.${i}.contactTelephoneNumber`, 'Telephone')}
          {text(`siteContacts.${i}.contactEmailAddress`, 'E-mail')}
        </fieldset>
      ))}
      <button type="button" onClick={() => contacts.append({})}>
        Add a contact
      </button>
      <Message error={formState.errors.root?.server?.message} id="server-error" />
      <p>
        <button type="submit" disabled={formState.isSubmitting}>
          Create site
        </button>
      </p>
      {created && (
        <p className="created" role="status">
          Site {created.id} “{created.siteName}” created.
        </p>
      )}
    </form>
  );
}

/** The message react-hook-form holds for `name` (a dotted path), if any (a field array's own is its `root`). */
function errorAt(errors: FieldValues, name: string): string | undefined {
  let at: unknown = errors;
  for (const key of name.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  const e = at as { message?: unknown; root?: { message?: unknown } } | undefined;
  const message = e?.message ?? e?.root?.message;
  return typeof message === 'string' ? message : undefined;
}

function Text({ name, label, register, error }: { name: string; label: string; register: UseFormRegister<any>; error?: string }) {
  return (
    <>
      <label htmlFor={name}>{label}</label>
      <input id={name} {...register(name)} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${name}-error` : undefined} />
      <Message error={error} id={`${name}-error`} />
    </>
  );
}

function Message({ error, id }: { error?: string; id: string }) {
  return error ? (
    <p className="error" id={id} role="alert">
      {error}
    </p>
  ) : null;
}
