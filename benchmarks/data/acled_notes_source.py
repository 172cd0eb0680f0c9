# ruff: noqa: E501  (the notes are data: one line each)
"""Writes acled_notes.jsonl from the notes below: the notes are ours (invented, plausible facts); the coding
follows the ACLED Codebook; the gold events follow ../shared/eval/GUIDELINES.md (fatalities null when the
text states none, while the ACLED coding gives 0 as ACLED does)."""
from functools import partial
from pathlib import Path

from acled_note import note as add
from acled_note import write

N: list = []
note = partial(add, N, "acled")

note(1, "en", "2022-03-09", "On 7 March 2022, in Fresnillo, Zacatecas, gunmen shot dead a municipal police officer as he left his home. 1 fatality.",
     "Violence against civilians", "Attack", "Fresnillo", "Zacatecas", "Mexico", 1, 1, "attack", [], edate="2022-03-07")
note(2, "en", "2022-05-03", "On 1 May 2022, members of the Jalisco New Generation Cartel (CJNG) clashed with Military Forces of Mexico near Apatzingán, Michoacán. Four cartel members were killed. 4 fatalities.",
     "Battles", "Armed clash", "Apatzingán", "Michoacán", "Mexico", 2, 4, "attack", ["Jalisco New Generation Cartel", "Military Forces of Mexico"], edate="2022-05-01")
note(3, "en", "2021-11-22", "On 20 November 2021, in Tibú (Norte de Santander), suspected ELN dissidents detonated an explosive device at a police station, injuring three officers. No fatalities were reported.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", "Tibú", "Norte de Santander", "Colombia", 1, 0, "attack", ["ELN"], edate="2021-11-20", stated_zero=True)
note(4, "en", "2022-02-15", "Around 13 February 2022 (between 12 and 13 February), around 200 teachers marched through the centre of Barquisimeto, Lara, demanding higher wages from the national government. [size=around 200]",
     "Protests", "Peaceful protest", "Barquisimeto", "Lara", "Venezuela", 1, 0, "protest", [], edate="2022-02-13")
note(5, "en", "2022-06-12", "On 10 June 2022, residents blocked a highway in Choloma, Cortés, to demand the release of a detained relative; Police Forces of Honduras dispersed them with tear gas.",
     "Protests", "Protest with intervention", "Choloma", "Cortés", "Honduras", 1, 0, "protest", ["Police Forces of Honduras"], edate="2022-06-10")
note(6, "en", "2021-08-30", "On 28 August 2021, Police Forces of Colombia arrested 12 people suspected of belonging to the Clan del Golfo in Caucasia, Antioquia.",
     "Strategic developments", "Arrests", "Caucasia", "Antioquia", "Colombia", 1, 0, "arrest", ["Police Forces of Colombia", "Clan del Golfo"], arrested=12, edate="2021-08-28")
note(7, "en", "2022-01-25", "On 23 January 2022, an armed group abducted two indigenous leaders in the rural area of Suárez, Cauca. Their whereabouts remain unknown.",
     "Violence against civilians", "Abduction/forced disappearance", "Suárez", "Cauca", "Colombia", 2, 0, "attack", [], edate="2022-01-23")
note(8, "en", "2022-04-19", "On 17 April 2022, in Celaya (Guanajuato), unidentified armed men broke into a bar and killed 5 people. Two others were wounded. 5 fatalities.",
     "Violence against civilians", "Attack", "Celaya", "Guanajuato", "Mexico", 1, 5, "attack", [], edate="2022-04-17")
note(9, "en", "2022-07-06", "On 4 July 2022, a mob lynched a man accused of robbing a bus passenger in Soyapango, San Salvador. The man was beaten to death. 1 fatality.",
     "Riots", "Mob violence", "Soyapango", "San Salvador", "El Salvador", 1, 1, "attack", [], edate="2022-07-04")
note(10, "en", "2022-09-14", "On 12 September 2022, Military Forces of Venezuela clashed with FARC dissidents in rural Guasdualito (coded to Guasdualito, Apure). Local sources reported between 3 and 5 dead. 3 fatalities.",
     "Battles", "Armed clash", "Guasdualito", "Apure", "Venezuela", 2, 3, "attack", ["Military Forces of Venezuela", "FARC dissidents"], edate="2022-09-12")
note(11, "en", "2022-10-03", "On 1 October 2022, a journalist was found dead with gunshot wounds near Chilpancingo, Guerrero, one day after being reported missing. 1 fatality.",
     "Violence against civilians", "Attack", "Chilpancingo", "Guerrero", "Mexico", 2, 1, "attack", [], edate="2022-10-01")
note(12, "en", "2022-11-28", "On 26 November 2022, Military Forces of Colombia seized 1.2 tonnes of cocaine hidden in a fishing boat in Tumaco, Nariño.",
     "Strategic developments", "Other", "Tumaco", "Nariño", "Colombia", 1, 0, "seizure", ["Military Forces of Colombia"], edate="2022-11-26")
note(13, "en", "2022-12-10", "On 8 December 2022, hundreds of residents of Petare (Miranda) protested against repeated power cuts. Some protesters set tyres on fire and threw stones at the offices of the electricity company. [size=hundreds]",
     "Riots", "Violent demonstration", "Petare", "Miranda", "Venezuela", 1, 0, "protest", [], edate="2022-12-08")
note(14, "en", "2023-02-07", "On 5 February 2023, gang members killed two bus drivers who had refused to pay extortion in Mixco, Guatemala. Both were shot dead at a bus stop. 2 fatalities.",
     "Violence against civilians", "Attack", "Mixco", "Guatemala", "Guatemala", 1, 2, "attack", [], edate="2023-02-05")
note(15, "en", "2023-03-15", "On 13 March 2023, Military Forces of Brazil destroyed illegal gold mining equipment and dredgers on Yanomami land near Jacareacanga, Pará.",
     "Strategic developments", "Looting/property destruction", "Jacareacanga", "Pará", "Brazil", 2, 0, "seizure", ["Military Forces of Brazil"], edate="2023-03-13")
note(16, "es", "2022-08-10", "El 8 de agosto de 2022, en Uruapan, Michoacán, hombres armados atacaron a balazos a una familia que viajaba en su vehículo. Tres personas fueron asesinadas, entre ellas un menor. 3 muertos.",
     "Violence against civilians", "Attack", "Uruapan", "Michoacán", "Mexico", 1, 3, "attack", [], edate="2022-08-08")
note(17, "es", "2022-05-20", "El 18 de mayo de 2022, disidentes de las FARC se enfrentaron con el Ejército en zona rural de Puerto Asís, Putumayo. Murieron dos soldados y un guerrillero.",
     "Battles", "Armed clash", "Puerto Asís", "Putumayo", "Colombia", 2, 3, "attack", ["FARC", "Ejército"], edate="2022-05-18")
note(18, "es", "2022-03-30", "El 28 de marzo de 2022, unos 300 trabajadores petroleros se manifestaron pacíficamente frente a la refinería de Barrancabermeja (Santander) para exigir mejores condiciones laborales.",
     "Protests", "Peaceful protest", "Barrancabermeja", "Santander", "Colombia", 1, 0, "protest", [], edate="2022-03-28")
note(19, "es", "2022-06-25", "El 23 de junio de 2022, la Guardia Nacional Bolivariana detuvo a 7 personas por presunto contrabando de combustible en Maicao, en la frontera con Venezuela.",
     "Strategic developments", "Arrests", "Maicao", "La Guajira", "Colombia", 1, 0, "arrest", ["Guardia Nacional Bolivariana"], arrested=7, edate="2022-06-23")
note(20, "es", "2022-09-02", "El 31 de agosto de 2022, en Ciudad Obregón, Sonora, sujetos armados dispararon contra dos hermanos frente a su casa. Ambos murieron en el lugar.",
     "Violence against civilians", "Attack", "Ciudad Obregón", "Sonora", "Mexico", 1, 2, "attack", [], edate="2022-08-31")
note(21, "es", "2022-10-18", "El 16 de octubre de 2022, cerca de Tierralta, Córdoba, un líder social fue secuestrado por hombres armados del Clan del Golfo.",
     "Violence against civilians", "Abduction/forced disappearance", "Tierralta", "Córdoba", "Colombia", 2, 0, "attack", ["Clan del Golfo"], edate="2022-10-16")
note(22, "es", "2022-12-03", "El 1 de diciembre de 2022, un artefacto explosivo estalló al paso de una patrulla militar en El Tarra, Norte de Santander. Dos militares murieron y cuatro resultaron heridos. 2 muertos.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", "El Tarra", "Norte de Santander", "Colombia", 1, 2, "attack", [], edate="2022-12-01")
note(23, "es", "2023-01-12", "El 10 de enero de 2023, comerciantes de San Pedro Sula, Cortés, realizaron un paro y bloquearon calles en protesta por las extorsiones de las pandillas.",
     "Protests", "Peaceful protest", "San Pedro Sula", "Cortés", "Honduras", 1, 0, "protest", [], edate="2023-01-10")
note(24, "es", "2022-04-08", "El 6 de abril de 2022, la policía interceptó un vehículo en Culiacán, Sinaloa, y detuvo a tres hombres que portaban armas de fuego (codificado en Culiacán, Sinaloa).",
     "Strategic developments", "Arrests", "Culiacán", "Sinaloa", "Mexico", 1, 0, "arrest", [], arrested=3, edate="2022-04-06")
note(25, "es", "2022-07-22", "El 20 de julio de 2022, en Tucupita, Delta Amacuro, un grupo de vecinos saqueó un camión que transportaba alimentos. Efectivos de la Policía Nacional Bolivariana detuvieron a cuatro personas.",
     "Riots", "Mob violence", "Tucupita", "Delta Amacuro", "Venezuela", 1, 0, "protest", [], edate="2022-07-20")
note(26, "es", "2023-04-04", "El 2 de abril de 2023, en Itaituba, Pará, garimpeiros armados atacaron una aldea indígena y mataron a tres personas; otras fuentes hablaron de cinco muertos. 3 muertos.",
     "Violence against civilians", "Attack", "Itaituba", "Pará", "Brazil", 1, 3, "attack", [], edate="2023-04-02")
note(27, "en", "2022-08-29", "On 27 August 2022, in Guadalupe, Nuevo León, police officers were ambushed by gunmen while on patrol; all three were killed. 3 fatalities.",
     "Violence against civilians", "Attack", "Guadalupe", "Nuevo León", "Mexico", 1, 3, "attack", [], edate="2022-08-27")
note(28, "en", "2022-11-05", "On 3 November 2022, Police Forces of Venezuela detained 15 members of the Tren de Aragua gang during a raid in San Cristóbal, Táchira.",
     "Strategic developments", "Arrests", "San Cristóbal", "Táchira", "Venezuela", 1, 0, "arrest", ["Police Forces of Venezuela", "Tren de Aragua"], arrested=15, edate="2022-11-03")
write(N, Path(__file__).with_name("acled_notes.jsonl"))
print(len(N))
