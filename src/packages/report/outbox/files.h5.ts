// h5: a chosen picture is a blob: URL that dies with the page; kept for the outbox it becomes a data URL
// stored with the item (uploadImage reads either).
export async function keepFile(tempPath: string): Promise<string> {
  if (tempPath.startsWith('data:')) return tempPath
  const blob = await (await fetch(tempPath)).blob()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(blob)
  })
}

export async function dropFile(_kept: string): Promise<void> {
  // Nothing on disk: the data URL goes with the item.
}
