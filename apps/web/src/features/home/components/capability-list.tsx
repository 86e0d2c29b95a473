import { useIntl, type MessageDescriptor } from 'react-intl';
import { Link } from 'react-router';

interface Capability {
  key: string;
  title: MessageDescriptor;
  description: MessageDescriptor;
  /** Where the capability lives, once it is built. */
  link?: { to: string; text: MessageDescriptor };
}

// In the order a migrant's journey meets them, from a first visit to a desk to the territory's results.
const CAPABILITIES: readonly Capability[] = [
  {
    key: 'cases',
    title: { id: 'home.capability.cases.title' },
    description: { id: 'home.capability.cases.description' },
  },
  {
    key: 'directory',
    title: { id: 'home.capability.directory.title' },
    description: { id: 'home.capability.directory.description' },
    link: { to: '/directory', text: { id: 'home.capability.directory.link' } },
  },
  {
    key: 'remittances',
    title: { id: 'home.capability.remittances.title' },
    description: { id: 'home.capability.remittances.description' },
    link: { to: '/send-money', text: { id: 'home.capability.remittances.link' } },
  },
  {
    key: 'jobs',
    title: { id: 'home.capability.jobs.title' },
    description: { id: 'home.capability.jobs.description' },
  },
  {
    key: 'projects',
    title: { id: 'home.capability.projects.title' },
    description: { id: 'home.capability.projects.description' },
  },
  {
    key: 'knowledge',
    title: { id: 'home.capability.knowledge.title' },
    description: { id: 'home.capability.knowledge.description' },
  },
  {
    key: 'forums',
    title: { id: 'home.capability.forums.title' },
    description: { id: 'home.capability.forums.description' },
  },
  {
    key: 'indicators',
    title: { id: 'home.capability.indicators.title' },
    description: { id: 'home.capability.indicators.description' },
  },
];

export function CapabilityList() {
  const { formatMessage } = useIntl();
  return (
    <ul className="capability-grid">
      {CAPABILITIES.map(({ key, title, description, link }) => (
        <li key={key} className="card">
          <h3>{formatMessage(title)}</h3>
          <p>{formatMessage(description)}</p>
          {link && (
            <p>
              <Link to={link.to}>{formatMessage(link.text)}</Link>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
