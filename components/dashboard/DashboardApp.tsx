import { BackupSection } from './BackupSection';
import { DeleteAllData } from './DeleteAllData';
import { DetectionSettings } from './DetectionSettings';
import { PreferencesSection } from './PreferencesSection';
import { RelationshipsSection } from './RelationshipsSection';

const SECTIONS = [
  ['#relationships', 'Relationships'],
  ['#detection', 'Finding meetings'],
  ['#preferences', 'Preferences'],
  ['#backup', 'Backup'],
  ['#delete', 'Delete all data'],
] as const;

/** The dashboard: where relationships live over months, and where the user's settings and data are. */
export function DashboardApp() {
  return (
    <div className="dashboard">
      <header className="dashboard-header">
        <p className="brand">Four Ps</p>
        <nav aria-label="Dashboard sections">
          <ul className="plain section-nav">
            {SECTIONS.map(([href, label]) => (
              <li key={href}>
                <a href={href}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="dashboard-main">
        <RelationshipsSection />
        <DetectionSettings />
        <PreferencesSection />
        <BackupSection />
        <DeleteAllData />
      </main>
    </div>
  );
}
