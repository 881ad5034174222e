import { josa, particle } from './particle.js';
import type { cliEn } from './cli-en.js';

/** What the command line prints in Korean. */
export const cliKo: typeof cliEn = {
	help: configFile => `
  사용법
    $ dockdeck [옵션]
    $ dockdeck build 경로 [빌드 옵션] [옵션]
    $ dockdeck playground [--image <이름>] [--clean [--yes]]

  Docker 엔진 하나를 위한 전체 화면 대시보드: 실시간 컨테이너, 이미지, 각 이미지의
  레이어. 안에서 ? 를 누르면 모든 키가 보입니다. "build" 는 경로의 폴더를 단계별로
  빌드하며 엽니다 (안에서 b 키도 같음). "playground" 는 로컬 이미지로 라벨 붙은 연습
  컨테이너 3개(분리, 대화형, 종료)를 만들고, --clean 은 정확히 그것들만 지웁니다.

  옵션
    -H, --host <주소>     쓸 엔진: unix:///path/docker.sock, tcp://host:2375,
                          ssh://user@host. 기본값: $DOCKER_HOST, 없으면 쓰고 있는
                          docker 컨텍스트, 없으면 로컬 소켓.
    -c, --context <이름>  쓸 docker 컨텍스트 (docker context ls), docker CLI 와 같음.
    --read-only           엔진을 절대 바꾸지 않음: 바꾸는 동작은 모두 거절;
                          attach 는 출력만 보여 줌.
    --learn               학습 창을 열고 시작: 선택한 것이 무엇인지 실제 값으로
                          쉽게 설명 (L 로 켜고 끔).
    --lang <en|ko>        화면 언어. 기본값: 설정의 "lang", 없으면 한국어 로캘
                          (LC_ALL, LC_MESSAGES, LANG)일 때 한국어.
    --detach-keys <키>    연결한 컨테이너를 실행 중인 채로 빠져나오는 키. 기본값:
                          ~/.docker/config.json 의 detachKeys, 없으면 ctrl-p,ctrl-q.
    --log-buffer <줄 수>  로그 화면마다 메모리에 두는 줄 수 (기본 10000).
    -h, --help            이 도움말.
    -v, --version         버전.

  빌드 옵션 (dockdeck build 경로 와 함께)
    -t, --tag <이름:태그> 이미지 이름 (기본: 이름 없음, docker build 와 같음).
    -f, --file <경로>     Dockerfile (기본: 경로/Dockerfile).
    --build-arg <K=V>     빌드 때의 ARG 지정; 여러 개면 반복.
    --target <단계>       멀티 스테이지 Dockerfile 의 이 단계까지 빌드.
    --no-cache            캐시를 쓰지 않고 모든 단계를 다시 실행.

  연습장 옵션 (dockdeck playground 와 함께)
    --image <이름>        실행할 로컬 이미지 (기본: docker images 에서 물어봄).
    --clean               연습 컨테이너(라벨로 찾음)만 지우고 다른 것은 건드리지 않음.
    -y, --yes             --clean 이 지우기 전에 묻지 않음.

  환경 변수
    DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONTEXT, DOCKER_CONFIG
                  docker CLI 와 같음.
    NO_COLOR      색 없음.
    LANG, LC_ALL  한국어 로캘(ko_KR.UTF-8)이면 화면이 한국어.

  설정 (키, 테마, 언어, 로그 버퍼, 분리 키, 읽기 전용, 엔진별)
    ${configFile}

  예
    $ dockdeck
    $ dockdeck --host tcp://10.0.0.5:2375 --read-only
    $ dockdeck build . -t myapp:dev
    $ dockdeck playground && dockdeck --learn
`,
	args: {
		unknown: option => `알 수 없는 옵션 ${option}: dockdeck --help 에 옵션이 모두 있습니다`,
		unknownNear: (option, near) => `알 수 없는 옵션 ${option}: ${josa(near, '을')} 뜻했나요? (dockdeck --help 에 옵션이 모두 있습니다)`,
		needsValue: (option, example) => `${option} 에는 값이 필요합니다. 예: ${example}`,
		empty: (option, example) => `${option} 의 값이 비어 있습니다: 값을 주세요. 예: ${example}`,
		twice: option => `${josa(option, '이')} 두 번 주어졌습니다: 한 번만 주세요`,
		twiceAs: (first, then) => `${josa(first, '와')} ${josa(then, '은')} 같은 옵션이며 두 번 주어졌습니다: 한 번만 주세요`,
		noValue: option => `${josa(option, '은')} 스위치라 값을 받지 않습니다: ${option} 만 쓰세요`,
	},
	badLanguage: (source, value) => `${source} "${value}"${particle(value, '는')} dockdeck 의 언어가 아닙니다: en 또는 ko 를 쓰세요`,
	buildNeedsPath: 'dockdeck build 에는 빌드할 폴더가 필요합니다: dockdeck build 경로',
	buildOneFolder: arg => `예상하지 못한 인자 "${arg}": dockdeck build 는 폴더 하나만 받습니다`,
	playgroundNoArgs: arg => `예상하지 못한 인자 "${arg}": dockdeck playground 는 옵션만 받습니다 (--image, --clean, --yes)`,
	unexpected: arg => `예상하지 못한 인자 "${arg}": dockdeck --help 를 보세요`,
	flagNeeds: (flag, command) => `${josa(flag, '는')} dockdeck ${josa(command, '와')} 함께 씁니다: dockdeck --help 를 보세요`,
	buildReadOnly: 'dockdeck build 는 엔진을 바꾸므로 --read-only 와 함께 쓸 수 없습니다',
	playgroundReadOnly: 'dockdeck playground 는 엔진을 바꾸므로 --read-only 와 함께 쓸 수 없습니다',
	readOnlyEngine: (command, address, file) =>
		`dockdeck ${josa(command, '는')} 엔진을 바꾸는데, ${file} 에서 ${josa(address, '는')} 읽기 전용입니다`,
	detachKeys: reason => `--detach-keys: ${reason}`,
	logBuffer: value => `--log-buffer "${value}"${particle(value, '가')} 올바르지 않습니다: 100 에서 1000000 사이의 정수 줄 수를 주세요`,
	needsTerminal: '대화형 터미널이 필요합니다: 파이프가 아니라 터미널에서 실행하세요.',
	fix: fix => `해결: ${fix}`,
	internal: message => `내부 오류: ${message}`,
	configProblems: (count, file, first) => `${file} 에 문제 ${count}개 (기본값을 씀); 첫 번째: ${first}`,
};
