/**
 * "i bilag: Budgetnotat.pdf": the Bilag a search hit came from, the same words in the app, the
 * portal and the terminal. The file name always shows; the title too when it says more than
 * the file name (exports name their files by number: "i bilag: Arbejdsoplæg (3629343E3.DOCX)").
 */
export function attachmentHitLabel(attachment: { title: string; fileName: string | null }): string {
  const { title, fileName } = attachment;
  if (!fileName) return `i bilag: ${title}`;
  const baseName = fileName.replace(/\.[^.]*$/u, '');
  const sameName = baseName.trim().toLocaleLowerCase('da') === title.trim().toLocaleLowerCase('da');
  return sameName || title.trim() === ''
    ? `i bilag: ${fileName}`
    : `i bilag: ${title} (${fileName})`;
}
