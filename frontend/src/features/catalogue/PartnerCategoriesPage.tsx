import { useT } from '../../lib/i18n';
import { useCategories } from '../../lib/scope';
import type { PartnerCategory } from '../../api/registryTypes';
import { CatalogueEntryForm, type EntryValues } from './CatalogueEntryForm';
import { CatalogueTable, CatalogueView, useCatalogueBoards, type Column } from './CatalogueView';
import { useCreateCategory } from './api';

const BLANK: EntryValues = { boardId: '', nameNl: '', nameEn: '', code: '' };
const NO_COLUMNS: Column<PartnerCategory>[] = [];

/** The kinds of partner: the built-in categories and the board's own, which board administrators add. */
export function PartnerCategoriesPage() {
  const { t } = useT();
  const categories = useCategories();
  const { boards, editable, boardName } = useCatalogueBoards();
  const create = useCreateCategory();

  return (
    <CatalogueView
      title={t('catalogue.categories.title')}
      intro={t('catalogue.categories.intro')}
      query={categories}
      nameLabel={t('catalogue.categories.category')}
      columns={NO_COLUMNS}
      builtInTitle={t('catalogue.categories.builtIn')}
      builtInCaption={t('catalogue.categories.builtIn')}
    >
      {(own) => (
        <section aria-labelledby="own-categories">
          <h2 id="own-categories">{t('catalogue.categories.own')}</h2>
          {own.length === 0 ? (
            <p>{t('catalogue.categories.noOwn')}</p>
          ) : (
            <CatalogueTable
              caption={t('catalogue.categories.own')}
              nameLabel={t('catalogue.categories.category')}
              items={own}
              columns={NO_COLUMNS}
              boardName={boards.length > 1 ? boardName : undefined}
            />
          )}
          {editable.length > 0 ? (
            <CatalogueEntryForm
              titleId="add-category"
              title={t('catalogue.categories.add')}
              submitLabel={t('catalogue.categories.addSubmit')}
              boards={editable}
              blank={BLANK}
              addedMessage={(name) => t('catalogue.categories.added', { name })}
              save={(base) => create.mutateAsync(base)}
            />
          ) : (
            <p className="muted">{t('catalogue.onlyBoardAdmins')}</p>
          )}
        </section>
      )}
    </CatalogueView>
  );
}
