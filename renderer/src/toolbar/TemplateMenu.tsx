import { useState } from 'react';
import { Gallery } from '../gallery/Gallery';
import { Button } from '../ui/Button';
import { TemplateIcon } from '../ui/icons';

/** "New from template": opens the gallery of templates. */
export function TemplateMenu() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        data-testid="template-button"
        variant="ghost"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title="New from template: a gallery of example networks to start from"
      >
        <TemplateIcon />
        Templates
      </Button>
      {open && <Gallery onClose={() => setOpen(false)} />}
    </>
  );
}
