import { josa, particle } from './particle.js';
import type { workEn } from './work-en.js';

/** Attach, exec, run, commit, rmi, tag, save and the forms' outcomes, in Korean. */
export const workKo: typeof workEn = {
	attach: {
		stdinClosed: '입력이 열려 있지 않음',
		outputOnly: (name, command, why, keys) =>
			`${name} 의 PID 1 출력에 연결했습니다 (${command}); 입력은 연결하지 않았습니다 (${why}). ${keys} 나 Ctrl-C 로 dockdeck 에 돌아오며, 컨테이너는 계속 실행됩니다.`,
		intro: (name, command, keys, tty) =>
			`${name} 의 PID 1 에 연결했습니다 (${command}). ${josa(keys, '로')} 분리하면 계속 실행되고, Ctrl-C 는 주 프로세스로 가서 멈출 수 있습니다.${tty ? ' 프롬프트가 안 보이면 Enter 를 누르세요.' : ''}`,
		cannot: (name, why) => `${name} 에 연결할 수 없음: ${why}`,
		startsAttaches: 'A 는 시작하고 연결합니다 (docker start -ai)',
		startsShows: 'A 는 시작하고 출력을 보여 줍니다',
		notRunning: (name, state, how) => `${josa(name, '는')} 실행 중이 아닙니다 (${state}): ${how}; l 로 로그를 봅니다.`,
		readOnlyStart: name => `--read-only 에서는 ${josa(name, '를')} 시작할 수 없습니다; l 로 로그를 봅니다.`,
		paused: name => `${josa(name, '는')} 일시정지 상태입니다: 먼저 해제하세요 (docker unpause ${name}).`,
		failed: (name, why) => `${name} 에 연결 실패: ${why}`,
		detached: name => `${name} 에서 분리했습니다; 계속 실행됩니다.`,
		exited: (name, code) => `연결한 동안 ${josa(name, '가')} 코드 ${josa(code, '로')} 끝났습니다.`,
		gone: (name, why) => `${josa(name, '가')} 없어졌습니다: ${why}`,
	},
	exec: {
		shell: 'bash, 없으면 sh',
		notFound: ': 컨테이너에 없거나 실행할 수 없음',
		readOnly: '--read-only 에서는 exec 를 쓸 수 없습니다: 새 프로세스가 컨테이너를 바꿀 수 있습니다. l 로 로그를 봅니다.',
		needsRunning: (name, state) => `exec 는 실행 중인 컨테이너가 필요합니다; ${josa(name, '는')} ${state} 입니다.`,
		notRun: why => `실행 안 함: ${why}.`,
		intro: (name, shown, keys) =>
			`${name} 안의 새 프로세스: ${shown}. 나가도 (exit 또는 ${keys}) 컨테이너는 멈추지 않습니다; a 는 대신 PID 1 에 연결합니다.`,
		left: (shown, name) => `${name} 안에서 ${josa(shown, '를')} 실행 중인 채로 두었습니다 (분리).`,
		ended: (shown, code, meaning, name) =>
			`${josa(shown, '가')} 코드 ${code}${josa(meaning, '로')} 끝났습니다; ${josa(name, '는')} 계속 실행됩니다.`,
		failed: (name, why) => `${name} 안에서 exec 실패: ${why}`,
	},
	run: {
		failed: why => `docker run 실패, 아무것도 만들지 않음: ${why}`,
		notStarted: (label, why, rm) =>
			`${josa(label, '를')} 만들었지만 시작하지 못했습니다: ${why}${rm ? '' : ' (생성됨 상태로 남음; d 로 삭제)'}`,
		started: (label, command) => `${josa(label, '를')} 분리 모드로 시작: ${command}`,
		itsCommand: '기본 명령',
		runFailed: (label, why) => `${josa(label, '를')} 만들었지만 실행 실패: ${why}`,
		exited: (label, code, removed) => `${josa(label, '가')} 코드 ${josa(code, '로')} 끝났습니다${removed ? ' (--rm 으로 삭제됨)' : ''}.`,
	},
	commit: {
		reference: name => `${josa(name, '를')} 커밋할 이름 (저장소[:태그])`,
		message: '메시지 (docker commit -m; 없으면 Enter)',
		author: '작성자 (docker commit -a; 없으면 Enter)',
		changes: '변경 (-c), ; 로 구분, 예: CMD ["sh"]; ENV MODE=prod (없으면 Enter)',
		noDigest: '이미지 이름에는 다이제스트(@sha256:...)를 붙일 수 없습니다',
		badChange: change =>
			`"${change}"${particle(change, '는')} commit 이 받는 변경이 아닙니다: CMD, ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR 중 하나`,
		done: (name, ref, id, command) => `${josa(name, '를')} ${ref} (${id}) 로 커밋함: ${command}`,
		gone: name => `그 사이 ${josa(name, '가')} 삭제되었습니다: 아무것도 커밋하지 않음.`,
	},
	rmi: {
		onlyName: tags => `이 이름만 없어집니다: 이미지는 ${tags} 태그로 남습니다.`,
		deleted: '이미지와 다른 이미지가 쓰지 않는 모든 레이어를 지웁니다. 되돌리려면 다시 pull 하거나 빌드하는 수밖에 없습니다.',
		unused: '쓰는 컨테이너가 없습니다.',
		usedBy: (n, names, running) => `컨테이너 ${n}개가 씀: ${names}${running ? ` (실행 중: ${running})` : ''}.`,
		refuseRunning: names => `실행 중인 컨테이너가 쓰는 동안은 강제로도 docker 가 거부합니다: 먼저 ${josa(names, '를')} 멈추고 지우세요.`,
		refuseStopped: names =>
			`멈춘 컨테이너가 씁니다 (${names}): f 로 강제하거나 (이름만 없어지고, 그 컨테이너들이 있는 동안 레이어는 남음), 먼저 지우세요.`,
		untagTitle: ref => `${ref} 태그를 뗄까요?`,
		removeTitle: ref => `이미지 ${josa(ref, '를')} 삭제할까요?`,
		force: '강제 (멈춘 컨테이너가 씀)',
		untag: '태그 떼기',
		remove: '삭제',
		deletedCount: n => `; 이미지·레이어 기록 ${n}개 삭제`,
		stays: '; 이미지는 남음',
		removed: (ref, untagged, deleted, command) => `${ref} 삭제함: 태그 ${untagged}개 뗌${deleted} (${command}).`,
		gone: ref => `${josa(ref, '는')} 이미 없습니다: 아무것도 삭제하지 않음.`,
	},
	tag: {
		noDigest: '태그에는 다이제스트(@sha256:...)를 붙일 수 없습니다',
		not: why => `태그 안 붙임: ${why}.`,
		done: (id, ref, command) => `${id} 에 ${ref} 태그를 붙임 (${command}).`,
	},
	save: {
		noName: '저장 안 함: 파일 이름이 없습니다.',
		exists: '이미 있습니다 (다른 이름을 고르세요; 덮어쓰지 않았음)',
		noFolder: '폴더가 없습니다',
		denied: '권한 없음',
		isFolder: '폴더입니다',
		not: (file, why) => `${file} 에 저장 안 함: ${why}.`,
		done: (lines, bytes, file) => `${lines}줄 (${bytes} 바이트) 을 ${file} 에 저장함.`,
	},
	forms: {
		readingConfig: '이미지 설정 읽는 중…',
		waitConfig: '(이미지 설정을 기다림)',
		stillConfig: '이미지 설정을 읽는 중: 다 읽으면 바로 컨테이너를 시작합니다.',
		cannotRead: (image, why) => `${image}${particle(image, '을')} 읽을 수 없습니다: ${why}`,
		stillFolder: '폴더를 읽는 중: 다 읽으면 바로 빌드를 시작합니다.',
		cancelled: build => `취소: 아무것도 ${build ? '빌드하지' : '만들지'} 않았습니다.`,
		buildStopped: '빌드를 멈췄습니다: 아무 태그도 붙지 않음.',
		buildFailed: '빌드 실패: b 로 어디서인지 봅니다.',
		previous: (label, id) => `이전 ${label} (${id})`,
		built: label => `${label} 빌드함: 이미지 패널에서 선택됨; b 로 빌드를 봅니다.`,
		buildRunning: '빌드가 진행 중입니다: 먼저 x 로 멈추세요.',
		noBuild: '진행 중인 빌드가 없습니다.',
		goesOn: '빌드는 계속됩니다: b 로 다시 봅니다.',
	},
	context: { connecting: name => `컨텍스트 ${name} 에 연결 중…` },
};
