import { josa } from './particle.js';
import type { ReferenceFacts } from '../model/facts.js';
import type { ContainerFacts, ImageFacts, LayerFacts } from '../model/facts.js';
import type { learnEn } from './learn-en.js';

/** Learn mode's sentences in Korean, made from the same real values as the English ones. */
export const learnKo: typeof learnEn = {
	title: '학습',
	off: '학습 모드: L 을 누르면 선택한 것이 무엇인지 쉬운 말로 설명합니다.',
	nothing: '컨테이너, 이미지, 레이어 중 하나를 고르세요: 이 창이 실제 값으로 설명합니다.',
	commands: 'docker 명령으로는',
	prune:
		'정리는 아무도 쓰지 않는 것을 지웁니다: 얇은 레이어와 함께 멈춘 컨테이너, 댕글링 이미지(가리키는 태그 없음), 안 쓰는 이미지(만든 컨테이너 없음), 빌드 캐시. 남길 것은 체크를 푸세요; 하나씩 지우고, 그 사이 쓰이게 된 것은 건너뜁니다.',
	container(f: ContainerFacts): string[] {
		const mode = {
			detached: `${josa(f.name, '는')} 분리 모드(-d)로 실행 중입니다: 터미널이 없고 출력은 로그로 갑니다 (l 로 보기, docker logs -f 와 같음).`,
			interactive: `${josa(f.name, '는')} 대화형 터미널(-it)로 실행 중입니다: a 로 키보드를 연결하고, ${josa(f.detachKeys, '로')} 분리하면 계속 실행됩니다 (exit 를 치면 멈춤).`,
			attached: `${josa(f.name, '는')} 연결 모드로 실행 중입니다: -d 없는 docker run 이 시작한 터미널에 출력을 보여 줍니다.`,
			running: `${josa(f.name, '는')} 실행 중입니다.`,
			exited: `${josa(f.name, '는')} 멈췄습니다: 주 프로세스가 코드 ${josa(f.exitCode ?? 0, '로')} 끝났습니다. 파일은 삭제 전까지 자기 레이어에 남고, A 로 다시 시작하며 연결합니다 (docker start -ai).`,
			created: `${josa(f.name, '는')} 만들어졌지만 시작한 적이 없습니다: S 로 시작합니다 (docker start).`,
			paused: `${josa(f.name, '는')} 일시정지 상태입니다: P 로 풀 때까지 프로세스가 얼어 있습니다.`,
			other: `${josa(f.name, '는')} 상태가 바뀌는 중입니다.`,
		}[f.mode];
		const layers =
			f.imageLayers === undefined
				? ''
				: ` (읽기 전용 레이어 ${f.imageLayers}개${f.sharingImages ? `, 다른 이미지 ${f.sharingImages}개와 공유` : ''})`;
		const image = `이미지 ${f.image}${layers}의 인스턴스입니다: 이미지 하나는 컨테이너 여러 개의 틀입니다${f.siblings ? `. 여기서도 다른 컨테이너 ${f.siblings}개가 같은 이미지에서 나왔습니다` : ''}.`;
		const written =
			f.written === undefined
				? ''
				: f.wroteNothing
					? '아직 자기 쓰기 레이어에 쓴 것이 없습니다: 보이는 모든 파일은 이미지에서 옵니다.'
					: `자기 쓰기 레이어(copy-on-write)에 ${josa(f.written, '를')} 썼고, rm 하면 사라집니다. C 는 그 레이어를 새 이미지로 커밋하고, b(docker build)로 빌드하는 Dockerfile 단계는 같은 변경을 되풀이하고 검토할 수 있게 만듭니다.`;
		const o = f.overrides;
		const parts = [o?.env ? `환경 변수 ${o.env}개` : '', o?.cmd ? '명령' : '', o?.entrypoint ? '엔트리포인트' : ''].filter(Boolean);
		const listed = parts.map((part, i) => (i < parts.length - 1 ? josa(part, '와') : josa(part, '를'))).join(' ');
		const set =
			o && (o.env || o.cmd || o.entrypoint)
				? `docker run 이 ${listed} 지정했고, 나머지는 이미지의 ENV 와 CMD 에서 왔습니다.`
				: o
					? '환경 변수와 명령은 이미지 자체의 것(ENV, CMD)이며, docker run 으로 바꿀 수 있습니다.'
					: '';
		return [mode, image, written, set].filter(Boolean);
	},
	reference(r: ReferenceFacts): string {
		const registry = r.registryDefaulted ? `레지스트리를 적지 않았으므로 Docker Hub(${r.registry})` : `레지스트리 ${r.registry}`;
		const namespace = r.namespaceDefaulted
			? r.registryDefaulted
				? `네임스페이스 ${r.namespace} (공식 이미지)`
				: ''
			: `네임스페이스 ${r.namespace}`;
		const tag = r.tagDefaulted ? `태그를 적지 않았으므로 ${r.tag}` : `태그 ${r.tag}`;
		return `${josa(r.text, '는')} 이렇게 읽습니다: ${[registry, namespace, `저장소 ${r.name}`, tag].filter(Boolean).join(', ')}.`;
	},
	image(f: ImageFacts, reference: string): string[] {
		const name = f.dangling
			? `이 이미지는 태그가 없습니다(댕글링): 새 빌드나 태그가 이름을 가져갔습니다. ${f.containers ? '아직 컨테이너가 쓰고 있어 정리해도 남습니다.' : '아무도 쓰지 않으니 p(정리)로 지울 수 있습니다.'}`
			: reference;
		const digest = f.digestReference
			? `다이제스트 참조 ${josa(f.digestReference, '는')} 바로 이 내용을 가리킵니다: 태그는 나중에 다른 이미지를 가리킬 수 있지만 다이제스트는 그럴 수 없어서, 운영 배포는 다이제스트로 고정합니다.`
			: f.dangling
				? ''
				: '다이제스트가 없습니다: 여기서 빌드하거나 가져왔고 push 나 pull 한 적이 없습니다. 레지스트리가 다이제스트(name@sha256:…)를 주며, 태그는 옮겨질 수 있어 운영에서는 이것으로 고정합니다.';
		const layers =
			f.layers === undefined
				? ''
				: `읽기 전용 레이어 ${f.layers}개, ${f.size}${f.sharingImages ? `, 다른 이미지 ${f.sharingImages}개와 레이어 공유(한 번만 저장)` : ''}`;
		const use = `읽기 전용 틀입니다${layers ? ` (${layers})` : ''}; ${f.containers ? `이것으로 만든 컨테이너 ${f.containers}개(실행 중 ${f.running}개)가 각자 얇은 쓰기 레이어를 위에 얹고 있습니다.` : '쓰는 컨테이너가 없습니다: r 로 하나 실행합니다 (docker run).'}`;
		const frees = f.otherTags
			? `다른 태그가 ${f.otherTags}개 있습니다: d 는 이 이름만 지우고 레이어는 남습니다.`
			: f.frees
				? `삭제하면 ${f.frees}.`
				: '';
		return [name, digest, use, frees].filter(Boolean);
	},
	layer(f: LayerFacts): string[] {
		const what = f.empty
			? `단계 ${f.position}/${f.total} (${f.keyword || '이 명령'})는 파일을 더하지 않았습니다: ${/^(ENV|CMD|ENTRYPOINT)$/.test(f.keyword) ? `${josa(f.keyword, '는')} 이미지 설정의 메타데이터이고 docker run 으로 바꿀 수 있습니다 (${f.keyword === 'ENV' ? '-e 이름=값' : f.keyword === 'CMD' ? '이미지 이름 뒤의 명령' : '--entrypoint'}).` : '이미지 설정만 바꿨습니다.'}`
			: `단계 ${f.position}/${f.total} (${f.keyword || '이 명령'})는 ${f.size} 짜리 읽기 전용 레이어를 만들었습니다${f.sharingImages ? `. 다른 이미지 ${f.sharingImages}개와 공유하며 디스크에는 한 번만 저장됩니다` : ''}.`;
		const base = f.base ? `베이스 이미지 ${f.base} 에서 FROM 으로 들어왔습니다.` : '';
		const cache = f.later
			? `docker build 는 이 단계와 그 앞의 모든 단계가 그대로인 동안 캐시에서 다시 씁니다; 여기를 바꾸면 이 단계와 뒤의 ${f.later}개 단계가 다시 실행되므로, 자주 바뀌는 것(코드 COPY)은 마지막에 둡니다.`
			: '가장 최근 단계입니다: 바꾸면 이 단계만 다시 실행되고 나머지는 캐시가 지킵니다.';
		return [what, base, cache].filter(Boolean);
	},
};
