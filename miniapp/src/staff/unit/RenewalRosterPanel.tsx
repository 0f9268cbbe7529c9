import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, renewalUi, type UnitRenewal } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { formatDate } from '../../lib/format'
import { useLoad } from '../../lib/use-api'
import { downloadFile } from '../lib/files'
import { staffPaths } from '../lib/paths'
import { fetchUnitRenewals } from '../lib/staff-api'

function endingText(r: UnitRenewal): string {
  const params = { catalogue: r.catalogueName, count: r.endingCount, first: formatDate(r.firstEnd), last: formatDate(r.lastEnd) }
  return fillTemplate(r.firstEnd === r.lastEnd ? renewalUi.unit.endingOneDay : renewalUi.unit.ending, params)
}

/**
 * 续保 on the unit page while the renewal window of some of the unit's covers is
 * open: how many, and next year's roster prefilled from this year's to download
 * (the leavers deleted, new hires added, then uploaded above for the plan named).
 * Nothing when there is nothing to renew.
 */
export function RenewalRosterPanel({ unitId }: { unitId: string }) {
  const renewals = useLoad(fetchUnitRenewals, [unitId])
  const [error, setError] = useState<string | null>(null)
  if (renewals.status !== 'ready' || renewals.value.length === 0) return null
  const download = async (r: UnitRenewal) => {
    setError(null)
    try {
      await downloadFile(staffPaths.unitRenewalRoster(unitId, r.catalogueId), `续保名单-${r.intoCatalogueId ?? r.catalogueId}.xlsx`)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <View id='unit-renewal' className='staff-card'>
      <Text className='staff-card__title'>{renewalUi.unit.title}</Text>
      {renewals.value.map((r) => (
        <View key={r.catalogueId} id={`unit-renewal-${r.catalogueId}`} className='staff-field'>
          <Text id={`unit-renewal-${r.catalogueId}-ending`}>{endingText(r)}</Text>
          <Text className='staff-muted'>
            {r.intoCatalogueName ? fillTemplate(renewalUi.unit.into, { catalogue: r.intoCatalogueName }) : renewalUi.unit.noSuccessor}
          </Text>
          {r.intoCatalogueId && (
            <Button id={`unit-renewal-${r.catalogueId}-download`} className='staff-button staff-button--primary' onClick={() => void download(r)}>
              {renewalUi.unit.download}
            </Button>
          )}
        </View>
      ))}
      <Text className='staff-muted'>{renewalUi.unit.downloadHint}</Text>
      {error && <Text id='unit-renewal-error' className='field-error'>{error}</Text>}
    </View>
  )
}
