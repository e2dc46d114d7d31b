/**
 * N recipients as a spreadsheet gives them: Kenyan mobile numbers written three ways (international
 * with spaces, local with a leading 0, the `00` exit code), every 20th a repeat of the one before
 * in another spelling (so deduplication has work), and a personalised text each, every 10th with
 * an emoji (so both GSM-7 and UCS-2 are measured).
 */
export interface ScaleRecipient {
	phone: string;
	text: string;
}

export function scaleRecipients(count: number): ScaleRecipient[] {
	const list: ScaleRecipient[] = [];
	for (let i = 0; i < count; i++) {
		const n = i % 20 === 19 ? i - 1 : i;
		const national = `71${String(n).padStart(7, '0')}`;
		const spelling = (i + (n === i ? 0 : 1)) % 3;
		const phone =
			spelling === 0
				? `+254 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`
				: spelling === 1
					? `0${national}`
					: `00254${national}`;
		const text =
			n % 10 === 9
				? `Habari Person ${n} 😊, clinic day is Friday`
				: `Hello Person ${n}, clinic day is Friday`;
		list.push({ phone, text });
	}
	return list;
}
