import { josa, particle } from './particle.js';
import type { errorsEn } from './errors-en.js';

/** Why the engine could not be reached, and the fix, in Korean. */
export const errorsKo: typeof errorsEn = {
	tooOld: (where, why) => `${where} 의 엔진이 너무 오래되었습니다: ${why}.`,
	tooOldFix: '그 호스트의 Docker 를 올리거나, --host 를 더 새 엔진으로 가리키세요.',
	noSocket: (where, socket) => `${where} 에 Docker 엔진이 없습니다: 소켓 ${josa(socket, '가')} 없습니다.`,
	noSocketFix: '데몬을 시작하거나 (sudo systemctl start docker), DOCKER_HOST / --host 를 실행 중인 엔진으로 가리키세요.',
	denied: where => `${where} 에 권한이 없습니다.`,
	deniedFix: '사용자를 docker 그룹에 넣고 (sudo usermod -aG docker $USER, 다시 로그인), 또는 sudo 로 dockdeck 을 실행하세요.',
	refused: where => `${where} 에서 듣는 것이 없습니다 (연결 거부).`,
	refusedUnixFix: '소켓은 있지만 데몬이 답하지 않습니다: 데몬을 다시 시작하세요 (sudo systemctl restart docker).',
	refusedTcpFix: 'DOCKER_HOST / --host 의 호스트와 포트, 그리고 데몬이 TCP 로 듣는지 (-H tcp://...) 확인하세요.',
	cannotReach: (where, why) => `${where} 의 엔진에 닿을 수 없습니다: ${why}.`,
	sshFix: command =>
		`"${command}"${particle(command, '가')} 묻지 않고 되는지 확인하세요: ssh 에이전트의 키, known_hosts 의 호스트, 원격 PATH 의 docker (DOCKDECK_SSH_ARGS 로 ssh 옵션 추가).`,
	unresolved: where => `${where} 의 호스트 이름을 찾을 수 없습니다.`,
	unresolvedFix: 'DOCKER_HOST / --host 의 호스트 이름을 확인하세요.',
	timeout: where => `${where} 의 엔진이 제때 답하지 않았습니다.`,
	timeoutFix: '호스트까지의 네트워크와, 데몬이 멈추지 않았는지 (sudo systemctl status docker) 확인하세요.',
	cut: (where, why) => `${where} 와의 연결이 끊겼습니다: ${why}.`,
	cutTlsFix: '엔진이 TLS 를 기대할 수 있습니다: DOCKER_TLS_VERIFY=1 과 DOCKER_CERT_PATH 를 설정하세요.',
	cutFix: '주소가 Docker 엔진을 가리키는지, TLS 설정(DOCKER_TLS_VERIFY, DOCKER_CERT_PATH)이 맞는지 확인하세요.',
	tls: (where, why) => `${where} 와의 TLS 실패: ${why}.`,
	tlsFix: 'DOCKER_CERT_PATH 에 이 엔진의 ca.pem, cert.pem, key.pem 이 있는지, 엔진 인증서가 이 호스트용인지 확인하세요.',
	apiVersion: (where, why) => `${where} 의 엔진이 API 버전을 거부했습니다: ${why}.`,
	apiVersionFix: '그 호스트의 Docker 를 올리세요.',
	http: (where, status, why) => `${where} 의 엔진이 HTTP ${josa(status, '로')} 답했습니다: ${why}.`,
	httpFix: '주소가 Docker 엔진 API 를 가리키는지 확인하세요.',
	otherFix: 'DOCKER_HOST / --host 와 데몬이 실행 중인지 확인하세요.',
	unknown: '알 수 없는 오류',
};
