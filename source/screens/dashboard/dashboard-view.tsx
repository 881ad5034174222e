import { Box } from 'ink';
import { ContainersPanel } from '../../panels/containers-panel.js';
import { DetailPanel } from '../../panels/detail-panel.js';
import { ImagesPanel, imageLabel } from '../../panels/images-panel.js';
import { LayersPanel } from '../../panels/layers-panel.js';
import { LearnPanel } from '../../panels/learn-panel.js';
import type { Snapshot } from '../../store/store.js';
import type { DashboardModel } from './dashboard-model.js';
import type { DashboardState, PanelId } from './dashboard-state.js';

/** What the dashboard's body is drawn from. */
export interface DashboardBodyProps {
	readonly model: DashboardModel;
	readonly snapshot: Snapshot;
	readonly state: DashboardState;
	readonly now: number;
	/** The filter of the focused panel is being typed: its title shows a cursor. */
	readonly editing: boolean;
}

/** The three panels and the detail pane, laid out for the terminal. */
export function DashboardBody({ model, snapshot, state: ui, now, editing }: DashboardBodyProps) {
	const { layout } = model;
	const listProps = (panel: PanelId) => ({
		focused: ui.panel === panel,
		cursor: model.cursors[panel],
		filter: ui.filters[panel],
		editing: editing && ui.panel === panel,
	});
	const containersPanel = (
		<ContainersPanel
			{...layout.containers}
			{...listProps('containers')}
			onShown={model.wantFacts}
			containers={model.containers}
			facts={snapshot.facts}
			now={now}
			loaded={snapshot.loaded}
			total={snapshot.containers.length}
			markImage={ui.panel !== 'containers' ? model.image?.id : undefined}
		/>
	);
	const imagesPanel = (
		<ImagesPanel
			{...layout.images}
			{...listProps('images')}
			images={model.images}
			usedBy={model.usedBy}
			now={now}
			loaded={snapshot.loaded}
			total={snapshot.images.length}
			usage={snapshot.usage?.images}
			markImage={ui.panel === 'containers' ? model.container?.imageId : undefined}
		/>
	);
	const layersPanel = (
		<LayersPanel
			{...layout.layers}
			{...listProps('layers')}
			image={model.image ? imageLabel(model.image) : undefined}
			resource={model.layersResource}
			visible={model.layers}
			total={model.allLayers.length}
			sharing={model.sharing}
			indexing={model.indexing}
		/>
	);
	// stacked, the learn pane takes the detail pane's place and [ ] scroll it
	const learnPanel =
		layout.learn && model.learn ? <LearnPanel {...layout.learn} lines={model.learn} offset={layout.side ? 0 : ui.detailOffset} /> : null;
	const detailPanel =
		layout.detail.height > 0 ? (
			<DetailPanel
				{...layout.detail}
				title={model.detail.title}
				lines={model.detail.lines}
				message={model.detail.message}
				offset={ui.detailOffset}
			/>
		) : (
			learnPanel
		);
	return layout.side ? (
		<Box>
			<Box flexDirection="column">
				{containersPanel}
				{imagesPanel}
				{layersPanel}
			</Box>
			<Box flexDirection="column">
				{learnPanel}
				{detailPanel}
			</Box>
		</Box>
	) : (
		<Box flexDirection="column">
			{containersPanel}
			<Box>
				{imagesPanel}
				{layersPanel}
			</Box>
			{detailPanel}
		</Box>
	);
}
