import { childElements, localNameOf } from './xml-document.ts';

/**
 * Acadre's generic XML: `table[@name]` elements with `fields/field` children. The minutes file
 * keys a field by its `name` attribute with the value as text (`<field name="caseno">12/27845
 * </field>`); the publishing manifest keys it by the attribute's own name with the value in it
 * (`<field date="2013-06-20 10:30"></field>`). Both read into plain records here.
 */

/** The child tables of an element with a name. */
export function tables(parent: Element | null | undefined, name: string): Element[] {
  return childElements(parent, 'table').filter((table) => table.getAttribute('name') === name);
}

/** The first child table with a name, or null. */
export function table(parent: Element | null | undefined, name: string): Element | null {
  return tables(parent, name)[0] ?? null;
}

/** A table's first `fields` block as name → value (the minutes file's form). */
export function namedFields(table: Element | null | undefined): Map<string, string> {
  const fields = new Map<string, string>();
  const block = childElements(table, 'fields')[0];
  for (const field of childElements(block, 'field')) {
    const name = field.getAttribute('name');
    if (name && !fields.has(name)) fields.set(name, (field.textContent ?? '').trim());
  }
  return fields;
}

/** Each `fields` block of a table as attribute → value (the manifest's form). */
export function attributeFieldBlocks(
  table: Element | null | undefined,
): Array<Map<string, string>> {
  return childElements(table, 'fields').map((block) => {
    const fields = new Map<string, string>();
    for (const field of childElements(block, 'field')) {
      for (const attribute of Array.from(field.attributes)) {
        if (!fields.has(attribute.name)) fields.set(attribute.name, attribute.value.trim());
      }
    }
    return fields;
  });
}

/** True for an Acadre root: `<root>` with `<table name="…">` children. */
export function isAcadreRoot(root: Element): boolean {
  return localNameOf(root) === 'root' && childElements(root, 'table').length > 0;
}
