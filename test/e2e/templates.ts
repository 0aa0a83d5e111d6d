import { expect, type Page } from '@playwright/test';

/**
 * Opens a template from the gallery as a person does, and waits until it is the project: the gallery
 * closes once the template has arrived, so an edit made after this lands on the template.
 */
export async function openTemplate(app: Page, id: string): Promise<void> {
  await app.getByTestId('template-button').click();
  await app.getByTestId(`template-${id}`).click();
  await expect(app.getByTestId('template-gallery')).toBeHidden();
}
